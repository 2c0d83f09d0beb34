// What a webhook (事件订阅) may subscribe to — the fixed list of events (backend/app/core/enums.py
// WebhookEvent), grouped by the part of the work they come from — how a delivery's status reads,
// and the request bodies the subscription form sends (docs/integrations.md, "Webhooks").
import type { DeliveryStatus, Webhook, WebhookCreate, WebhookEvent, WebhookUpdate } from '../../api/types';

/** Every event the server emits, in the server's order. */
export const WEBHOOK_EVENTS = [
  'agreement.status_changed',
  'meeting.held',
  'rotation.status_changed',
  'checkin.created',
  'evaluation.submitted',
] as const satisfies readonly WebhookEvent[];

/** Each event's key under `webhook.eventInfo` in the translations (i18next keys cannot hold dots). */
export const EVENT_KEYS = {
  'agreement.status_changed': 'agreementStatusChanged',
  'meeting.held': 'meetingHeld',
  'rotation.status_changed': 'rotationStatusChanged',
  'checkin.created': 'checkinCreated',
  'evaluation.submitted': 'evaluationSubmitted',
} as const satisfies Record<WebhookEvent, string>;
export type EventKey = (typeof EVENT_KEYS)[WebhookEvent];

/** The two halves of the work: school pairing (agreements, meetings) and teacher rotation. */
export const EVENT_GROUPS = ['pairing', 'rotation'] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number];

const GROUP_OF = {
  'agreement.status_changed': 'pairing',
  'meeting.held': 'pairing',
  'rotation.status_changed': 'rotation',
  'checkin.created': 'rotation',
  'evaluation.submitted': 'rotation',
} as const satisfies Record<WebhookEvent, EventGroup>;

export function isWebhookEvent(v: string): v is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(v);
}

export function groupOf(event: WebhookEvent): EventGroup {
  return GROUP_OF[event];
}

/** The events by group, in the groups' and the server's order; a group without events is left out. */
export function groupEvents(events: readonly WebhookEvent[] = WEBHOOK_EVENTS): { group: EventGroup; events: WebhookEvent[] }[] {
  return EVENT_GROUPS.map((group) => ({
    group,
    events: WEBHOOK_EVENTS.filter((e) => events.includes(e) && GROUP_OF[e] === group),
  })).filter((g) => g.events.length > 0);
}

/** A subscription's events in the server's order, without duplicates, unknown ones (a newer server) last. */
export function sortEvents(events: readonly string[]): string[] {
  const rank = (e: string) => {
    const i = (WEBHOOK_EVENTS as readonly string[]).indexOf(e);
    return i < 0 ? WEBHOOK_EVENTS.length : i;
  };
  return [...new Set(events)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The known events of a subscription, for its edit form (unknown ones cannot be ticked). */
export function knownEvents(events: readonly string[]): WebhookEvent[] {
  return sortEvents(events).filter(isWebhookEvent);
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const satisfies readonly DeliveryStatus[];

/** A delivery status's tag colour: waiting blue, arrived green, given up red. */
export function deliveryStatusColor(status: DeliveryStatus): 'blue' | 'green' | 'red' {
  return status === 'delivered' ? 'green' : status === 'failed' ? 'red' : 'blue';
}

/** A pending delivery is already queued; a failed or delivered one may be sent again. */
export function canRedeliver(status: DeliveryStatus): boolean {
  return status === 'failed' || status === 'delivered';
}

export type AttemptOutcome =
  | { kind: 'accepted' | 'refused'; statusCode: number }
  | { kind: 'error'; error: string }
  | { kind: 'none' };

/**
 * What an attempt (or a delivery's last attempt) got back: a 2xx answer (accepted), another status
 * code (refused, with the error if any), no answer at all (a network error or timeout), or nothing
 * yet (not attempted).
 */
export function attemptOutcome(statusCode: number | null, error: string): AttemptOutcome {
  if (statusCode !== null) return { kind: statusCode >= 200 && statusCode < 300 ? 'accepted' : 'refused', statusCode };
  if (error.trim()) return { kind: 'error', error: error.trim() };
  return { kind: 'none' };
}

/** A subscription's status tag: active or paused. */
export function webhookState(w: Pick<Webhook, 'is_active'>): 'active' | 'paused' {
  return w.is_active ? 'active' : 'paused';
}

/** A signing secret the server takes, when one is given rather than generated. */
export const SECRET_MIN = 16;
export const SECRET_MAX = 200;

/** An http(s) address with a host (the server also refuses private addresses in production). */
export function isHttpUrl(v: string): boolean {
  const s = v.trim();
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export type SecretMode = 'generate' | 'custom';

export interface WebhookFormValues {
  url: string;
  events: WebhookEvent[];
  secretMode: SecretMode;
  secret?: string;
}

/** The create body: trimmed URL, the events in the server's order; a secret only when typed in. */
export function createBody(v: WebhookFormValues): WebhookCreate {
  const secret = v.secretMode === 'custom' ? (v.secret ?? '').trim() : '';
  return { url: v.url.trim(), events: knownEvents(v.events), ...(secret ? { secret } : {}) };
}

/** The PATCH body: only what changed (an empty body: nothing to save). */
export function updateBody(w: Pick<Webhook, 'url' | 'events'>, v: Pick<WebhookFormValues, 'url' | 'events'>): WebhookUpdate {
  const url = v.url.trim();
  const events = knownEvents(v.events);
  const before = sortEvents(w.events);
  const sameEvents = before.length === events.length && before.every((e, i) => e === events[i]);
  return { ...(url !== w.url ? { url } : {}), ...(sameEvents ? {} : { events }) };
}

/**
 * How a receiver checks a delivery (Python, from docs/integrations.md): HMAC-SHA256 with the secret
 * over "<X-Pairing-Timestamp>.<raw body>", compared in constant time with X-Pairing-Signature.
 */
export const VERIFY_SNIPPET = [
  'import hashlib, hmac, time',
  '',
  '# timestamp: X-Pairing-Timestamp, signature: X-Pairing-Signature,',
  '# body: the raw request body (bytes)',
  'def verify(secret, timestamp, body, signature):',
  '    if abs(time.time() - int(timestamp)) > 300:',
  '        return False  # too old: a replay',
  '    message = timestamp.encode() + b"." + body',
  '    mac = hmac.new(secret.encode(), message, hashlib.sha256)',
  '    expected = "sha256=" + mac.hexdigest()',
  '    return hmac.compare_digest(expected, signature)',
].join('\n');
