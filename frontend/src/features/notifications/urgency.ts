import type { Notification, NotificationStage } from '../../api/types';

/** How pressing a reminder is: due today (or overdue), within 7 days, within 30 days, or a step waiting for the user. */
export type Urgency = NotificationStage | 'waiting';

/** Tag colours by urgency: today red, within a week orange, within a month gold, waiting steps blue. */
export const URGENCY_COLOR: Record<Urgency, string> = {
  today: 'red',
  '7_days': 'orange',
  '30_days': 'gold',
  waiting: 'blue',
};

const ORDER: readonly Urgency[] = ['today', '7_days', '30_days', 'waiting'];

/** Kinds whose urgency follows from the kind itself when the server gives no stage. */
const BY_KIND: Readonly<Record<string, Urgency>> = {
  agreement_expiring_today: 'today',
  item_overdue: 'today',
  item_due: '7_days',
  agreement_expiring: '30_days',
  meeting_at_risk: '30_days',
};

export function urgencyOf(n: Pick<Notification, 'kind' | 'stage'>): Urgency {
  return n.stage ?? BY_KIND[n.kind] ?? 'waiting';
}

export function urgencyColor(n: Pick<Notification, 'kind' | 'stage'>): string {
  return URGENCY_COLOR[urgencyOf(n)];
}

/** Most pressing first; the server's order (unread, newest) is kept among equals. */
export function byUrgency<T extends Pick<Notification, 'kind' | 'stage'>>(items: readonly T[]): T[] {
  return items
    .map((n, i) => ({ n, i, rank: ORDER.indexOf(urgencyOf(n)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.n);
}
