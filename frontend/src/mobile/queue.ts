// The offline check-in queue: taps made without a connection wait in localStorage (with the time
// of the tap) until they can be sent. Pure: the storage and the sender are passed in, so the rules
// are tested without a browser.
import { ApiError } from '../api/problem';

export const QUEUE_KEY = 'pairing.checkinQueue';

export interface QueuedCheckin {
  /** Unique per tap (the rotation, the day and the tap time). */
  id: string;
  rotationId: number;
  /** When the teacher tapped, ISO 8601 with the phone's offset ("2026-10-12T07:42:05+08:00"). */
  tappedAt: string;
  /** The phone's day of the tap, YYYY-MM-DD. */
  date: string;
  latitude: number | null;
  longitude: number | null;
}

/** The part of Storage the queue uses (window.localStorage, or a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isCoordinate(v: unknown): v is number | null {
  return v === null || (typeof v === 'number' && Number.isFinite(v));
}

function isQueued(v: unknown): v is QueuedCheckin {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.id === 'string' &&
    typeof o.rotationId === 'number' &&
    Number.isInteger(o.rotationId) &&
    typeof o.tappedAt === 'string' &&
    !Number.isNaN(Date.parse(o.tappedAt)) &&
    typeof o.date === 'string' &&
    DAY.test(o.date) &&
    isCoordinate(o.latitude) &&
    isCoordinate(o.longitude)
  );
}

/** The queued taps, oldest first; whatever is unreadable (another version, a hand edit) is ignored. */
export function readQueue(store: KeyValueStore): QueuedCheckin[] {
  let raw: string | null;
  try {
    raw = store.getItem(QUEUE_KEY);
  } catch {
    return []; // storage refused (private mode): nothing was queued
  }
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
  } catch {
    return [];
  }
}

/** Store the queue; false when the browser refused (full or disabled storage). */
export function writeQueue(store: KeyValueStore, items: readonly QueuedCheckin[]): boolean {
  try {
    if (items.length === 0) store.removeItem(QUEUE_KEY);
    else store.setItem(QUEUE_KEY, JSON.stringify(items));
    return true;
  } catch {
    return false;
  }
}

/** A queue entry for a tap at `tappedAt` (ISO with offset) on `date` (the phone's day). */
export function makeQueued(
  rotationId: number,
  tappedAt: string,
  date: string,
  position: { latitude: number; longitude: number } | null,
): QueuedCheckin {
  return {
    id: `${rotationId}:${date}:${tappedAt}`,
    rotationId,
    tappedAt,
    date,
    latitude: position?.latitude ?? null,
    longitude: position?.longitude ?? null,
  };
}

/**
 * Add a tap. One check-in counts per day, so a second tap the same day of the same rotation keeps
 * the first (earlier) one. Answers the queue as stored, or null when it could not be stored.
 */
export function enqueue(store: KeyValueStore, item: QueuedCheckin): QueuedCheckin[] | null {
  const items = readQueue(store);
  if (items.some((q) => q.rotationId === item.rotationId && q.date === item.date)) return items;
  const next = [...items, item].sort((a, b) => Date.parse(a.tappedAt) - Date.parse(b.tappedAt));
  return writeQueue(store, next) ? next : null;
}

export function removeFromQueue(store: KeyValueStore, id: string): QueuedCheckin[] {
  const next = readQueue(store).filter((q) => q.id !== id);
  writeQueue(store, next);
  return next;
}

/** The queued tap of a rotation for a day, if any. */
export function queuedFor(items: readonly QueuedCheckin[], rotationId: number, date: string): QueuedCheckin | undefined {
  return items.find((q) => q.rotationId === rotationId && q.date === date);
}

/**
 * What to do with a tap whose sending failed: `retry` later when the server was not reached (no
 * connection, a timeout, the server down or busy, the session to be restored), `drop` when the
 * server refused it for good (the rotation is not active, the day is outside it...).
 */
export function classifyFailure(error: unknown): 'retry' | 'drop' {
  if (!(error instanceof ApiError)) return 'retry';
  const { status } = error;
  if (status >= 500 || status === 401 || status === 408 || status === 429) return 'retry';
  return 'drop';
}

export interface FlushResult<R> {
  sent: { item: QueuedCheckin; result: R }[];
  dropped: { item: QueuedCheckin; error: unknown }[];
  /** Still waiting (the server could not be reached). */
  remaining: QueuedCheckin[];
}

/**
 * Send the queued taps, oldest first. Each one leaves the queue once the server answered it (sent,
 * or refused for good); at the first one that cannot reach the server the rest wait for the next try.
 * The queue is re-read for every change so taps queued meanwhile (another tab) are kept.
 */
export async function flushQueue<R>(
  store: KeyValueStore,
  send: (item: QueuedCheckin) => Promise<R>,
  classify: (error: unknown) => 'retry' | 'drop' = classifyFailure,
): Promise<FlushResult<R>> {
  const out: FlushResult<R> = { sent: [], dropped: [], remaining: [] };
  for (const item of readQueue(store)) {
    try {
      const result = await send(item);
      removeFromQueue(store, item.id);
      out.sent.push({ item, result });
    } catch (error) {
      if (classify(error) === 'retry') break;
      removeFromQueue(store, item.id);
      out.dropped.push({ item, error });
    }
  }
  out.remaining = readQueue(store);
  return out;
}
