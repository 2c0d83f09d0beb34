// Pure: the activities by kind a bulletin lists — only the kinds that took place, most frequent first.
import type { ActivityKind } from '../../api/types';
import { ACTIVITY_KINDS } from '../../api/types';
import { oneOf } from '../../lib/listState';

export interface KindCount {
  kind: ActivityKind;
  count: number;
}

/**
 * The kinds with at least one activity, by count (ties in the usual kind order). A kind this client
 * does not know yet (a newer server) is counted under "other", so the rows still add up to the total.
 */
export function shownKinds(byKind: Readonly<Record<string, number>>): KindCount[] {
  const counts = new Map<ActivityKind, number>();
  for (const [key, n] of Object.entries(byKind)) {
    if (!Number.isFinite(n) || n <= 0) continue;
    const kind = oneOf(ACTIVITY_KINDS, key) ?? 'other';
    counts.set(kind, (counts.get(kind) ?? 0) + n);
  }
  return ACTIVITY_KINDS.filter((k) => counts.has(k))
    .map((kind) => ({ kind, count: counts.get(kind) ?? 0 }))
    .sort((a, b) => b.count - a.count || ACTIVITY_KINDS.indexOf(a.kind) - ACTIVITY_KINDS.indexOf(b.kind));
}

/** A bar's length in percent of the largest count (at least a sliver when there is something). */
export function barPercent(count: number, max: number): number {
  if (max <= 0 || count <= 0) return 0;
  return Math.max(4, Math.round((count / max) * 100));
}
