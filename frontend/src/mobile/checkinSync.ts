// The offline queue in the browser: localStorage as the store, a subscription for React, and the
// sender that runs at start, when the browser is back online, and every half minute while taps wait.
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { failureMessage } from '../api/problem';
import type { CheckIn } from '../api/types';
import { useFeedback } from '../app/feedback';
import { applyCheckin, postCheckin } from './queries';
import { QUEUE_KEY, enqueue, flushQueue, readQueue, type FlushResult, type KeyValueStore, type QueuedCheckin } from './queue';

const RETRY_MS = 30_000;

const memory = new Map<string, string>();
const memoryStore: KeyValueStore = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

function store(): KeyValueStore {
  try {
    return window.localStorage;
  } catch {
    return memoryStore; // storage disabled: the queue lasts for this page only
  }
}

const listeners = new Set<() => void>();
let raw: string | null = null;
let snapshot: QueuedCheckin[] = [];

function refresh(): void {
  const items = readQueue(store());
  const next = JSON.stringify(items);
  if (next !== raw) {
    raw = next;
    snapshot = items;
  }
}

function notify(): void {
  refresh();
  listeners.forEach((l) => l());
}

function onStorage(e: StorageEvent): void {
  if (e.key === null || e.key === QUEUE_KEY) notify();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

function getSnapshot(): QueuedCheckin[] {
  if (raw === null) refresh();
  return snapshot;
}

/** The taps waiting to be sent (re-renders when the queue changes, in this tab or another). */
export function useCheckinQueue(): QueuedCheckin[] {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Queue a tap; false when the browser would not store it. */
export function queueCheckin(item: QueuedCheckin): boolean {
  const ok = enqueue(store(), item) !== null;
  notify();
  return ok;
}

let inFlight = false;

/** Send the queue once; null when a send is already running (its starter reports the outcome). */
async function flushOnce(): Promise<FlushResult<CheckIn> | null> {
  if (inFlight) return null;
  inFlight = true;
  try {
    return await flushQueue(store(), async (item) => {
      // no `date`: the server takes the day from the tap time in its own time zone, so a phone whose
      // clock is set to another zone cannot file the tap under the wrong (or a future) day
      const { record } = await postCheckin(item.rotationId, {
        checked_in_at: item.tappedAt,
        note: '',
        latitude: item.latitude,
        longitude: item.longitude,
      });
      return record;
    });
  } finally {
    inFlight = false;
    notify();
  }
}

/**
 * Mounted on every screen of the teacher: sends queued taps now, on the `online` event, when the
 * page is shown again and every 30 s while some wait; tells the teacher what happened to them.
 */
export function useCheckinSync(): void {
  const qc = useQueryClient();
  const { message } = useFeedback();
  const { t } = useTranslation();
  const queued = useCheckinQueue().length;

  const run = useCallback(async () => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    if (readQueue(store()).length === 0) return;
    const result = await flushOnce();
    if (!result) return;
    for (const { result: record } of result.sent) applyCheckin(qc, record);
    if (result.sent.length) {
      const flagged = result.sent.some((s) => s.result.flagged);
      message.success(t('mobile.checkin.queuedSent', { count: result.sent.length }));
      if (flagged) message.warning(t('mobile.checkin.flagged'));
    }
    for (const { item, error } of result.dropped) {
      message.error(
        t('mobile.checkin.queuedRefused', {
          date: item.date,
          reason: failureMessage(error, t('errors.saveFailed'), t('errors.network')),
        }),
      );
    }
  }, [qc, message, t]);

  useEffect(() => {
    void run();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void run();
    };
    const onOnline = () => void run();
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [run]);

  useEffect(() => {
    if (queued === 0) return;
    const timer = window.setInterval(() => void run(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [queued, run]);
}
