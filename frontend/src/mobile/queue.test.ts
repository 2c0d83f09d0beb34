import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import {
  QUEUE_KEY,
  classifyFailure,
  enqueue,
  flushQueue,
  makeQueued,
  queuedFor,
  readQueue,
  removeFromQueue,
  type KeyValueStore,
  type QueuedCheckin,
} from './queue';

function memoryStore(initial?: string): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(QUEUE_KEY, initial);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const problem = (status: number) => new ApiError({ status, detail: `HTTP ${status}` });
const tap = (date: string, time = '07:42:05', rotationId = 7) =>
  makeQueued(rotationId, `${date}T${time}+08:00`, date, { latitude: 33.55, longitude: 117.09 });

describe('the check-in queue', () => {
  it('keeps a tap with its tap time and position', () => {
    const store = memoryStore();
    const item = tap('2026-10-12');
    expect(enqueue(store, item)).toEqual([item]);
    const stored = readQueue(store);
    expect(stored).toEqual([item]);
    expect(stored[0].tappedAt).toBe('2026-10-12T07:42:05+08:00');
    expect(stored[0]).toMatchObject({ rotationId: 7, date: '2026-10-12', latitude: 33.55, longitude: 117.09 });
    expect(JSON.parse(store.data.get(QUEUE_KEY) ?? '[]')).toHaveLength(1);
  });

  it('queues a tap without a position with null coordinates', () => {
    expect(makeQueued(3, '2026-10-12T07:42:05+08:00', '2026-10-12', null)).toMatchObject({ latitude: null, longitude: null });
  });

  it('keeps only the first tap of a day per rotation', () => {
    const store = memoryStore();
    const first = tap('2026-10-12', '07:42:05');
    enqueue(store, first);
    enqueue(store, tap('2026-10-12', '07:50:00'));
    expect(readQueue(store)).toEqual([first]);
    enqueue(store, tap('2026-10-12', '07:55:00', 8));
    enqueue(store, tap('2026-10-13'));
    expect(readQueue(store)).toHaveLength(3);
  });

  it('orders taps by tap time, oldest first', () => {
    const store = memoryStore();
    enqueue(store, tap('2026-10-13'));
    enqueue(store, tap('2026-10-12'));
    expect(readQueue(store).map((q) => q.date)).toEqual(['2026-10-12', '2026-10-13']);
  });

  it('ignores unreadable storage', () => {
    expect(readQueue(memoryStore('not json'))).toEqual([]);
    expect(readQueue(memoryStore('{"a":1}'))).toEqual([]);
    const good = tap('2026-10-12');
    const mixed = JSON.stringify([good, { id: 'x', rotationId: 'seven' }, { ...good, id: 'y', date: '12/10/2026' }, null]);
    expect(readQueue(memoryStore(mixed))).toEqual([good]);
  });

  it('says when the browser refused to store it', () => {
    const store = memoryStore();
    store.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(enqueue(store, tap('2026-10-12'))).toBeNull();
  });

  it('finds the tap queued for a day and removes one by id', () => {
    const store = memoryStore();
    const a = tap('2026-10-12');
    const b = tap('2026-10-13');
    enqueue(store, a);
    enqueue(store, b);
    expect(queuedFor(readQueue(store), 7, '2026-10-13')).toEqual(b);
    expect(queuedFor(readQueue(store), 8, '2026-10-13')).toBeUndefined();
    expect(removeFromQueue(store, a.id)).toEqual([b]);
    removeFromQueue(store, b.id);
    expect(store.data.has(QUEUE_KEY)).toBe(false);
  });
});

describe('sending the queue', () => {
  it('sends every tap oldest first with its own data and empties the queue', async () => {
    const store = memoryStore();
    const a = tap('2026-10-12');
    const b = tap('2026-10-13');
    enqueue(store, b);
    enqueue(store, a);
    const send = vi.fn(async (q: QueuedCheckin) => ({ id: q.date }));
    const result = await flushQueue(store, send);
    expect(send.mock.calls.map(([q]) => q)).toEqual([a, b]);
    expect(result.sent.map((s) => s.result)).toEqual([{ id: '2026-10-12' }, { id: '2026-10-13' }]);
    expect(result.remaining).toEqual([]);
    expect(readQueue(store)).toEqual([]);
  });

  it('keeps the taps when the server cannot be reached, and stops trying', async () => {
    const store = memoryStore();
    enqueue(store, tap('2026-10-12'));
    enqueue(store, tap('2026-10-13'));
    const send = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await flushQueue(store, send);
    expect(send).toHaveBeenCalledTimes(1);
    expect(result.sent).toEqual([]);
    expect(result.remaining).toHaveLength(2);
    expect(readQueue(store)).toHaveLength(2);
  });

  it('drops a tap the server refused for good and goes on with the next', async () => {
    const store = memoryStore();
    const refused = tap('2026-10-12');
    const good = tap('2026-10-13');
    enqueue(store, refused);
    enqueue(store, good);
    const send = vi.fn(async (q: QueuedCheckin) => {
      if (q.id === refused.id) throw problem(409);
      return 'ok';
    });
    const result = await flushQueue(store, send);
    expect(result.dropped.map((d) => d.item)).toEqual([refused]);
    expect(result.sent.map((s) => s.item)).toEqual([good]);
    expect(readQueue(store)).toEqual([]);
  });

  it('keeps the tap when the server failed (5xx) and sends it on the next try', async () => {
    const store = memoryStore();
    const a = tap('2026-10-12');
    enqueue(store, a);
    const first = await flushQueue(store, async () => {
      throw problem(503);
    });
    expect(first.remaining).toEqual([a]);
    const second = await flushQueue(store, async () => 'ok');
    expect(second.sent.map((s) => s.item)).toEqual([a]);
    expect(readQueue(store)).toEqual([]);
  });

  it('keeps a tap queued while sending (another tab)', async () => {
    const store = memoryStore();
    const a = tap('2026-10-12');
    const later = tap('2026-10-13');
    enqueue(store, a);
    const result = await flushQueue(store, async () => {
      enqueue(store, later);
      return 'ok';
    });
    expect(result.remaining).toEqual([later]);
  });

  it('classifies failures', () => {
    expect(classifyFailure(new TypeError('Failed to fetch'))).toBe('retry');
    expect(classifyFailure(problem(500))).toBe('retry');
    expect(classifyFailure(problem(503))).toBe('retry');
    expect(classifyFailure(problem(401))).toBe('retry');
    expect(classifyFailure(problem(429))).toBe('retry');
    expect(classifyFailure(problem(409))).toBe('drop');
    expect(classifyFailure(problem(422))).toBe('drop');
    expect(classifyFailure(problem(403))).toBe('drop');
    expect(classifyFailure(problem(404))).toBe('drop');
  });
});
