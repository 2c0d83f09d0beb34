import { describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN.json';
import en from '../../i18n/en.json';
import {
  attemptOutcome,
  canRedeliver,
  createBody,
  DELIVERY_STATUSES,
  deliveryStatusColor,
  EVENT_GROUPS,
  EVENT_KEYS,
  groupEvents,
  groupOf,
  isHttpUrl,
  isWebhookEvent,
  knownEvents,
  sortEvents,
  updateBody,
  VERIFY_SNIPPET,
  WEBHOOK_EVENTS,
  webhookState,
} from './webhooks';

describe('webhook events', () => {
  it('groups every event by the part of the work it comes from, in the server’s order', () => {
    expect(groupEvents()).toEqual([
      { group: 'pairing', events: ['agreement.status_changed', 'meeting.held'] },
      { group: 'rotation', events: ['rotation.status_changed', 'checkin.created', 'evaluation.submitted'] },
    ]);
    expect(groupEvents().flatMap((g) => g.events)).toEqual([...WEBHOOK_EVENTS]);
    expect(groupOf('checkin.created')).toBe('rotation');
    expect(groupOf('meeting.held')).toBe('pairing');
  });

  it('leaves out groups without events whatever the input order', () => {
    expect(groupEvents(['evaluation.submitted', 'checkin.created'])).toEqual([
      { group: 'rotation', events: ['checkin.created', 'evaluation.submitted'] },
    ]);
    expect(groupEvents([])).toEqual([]);
  });

  it("sorts a subscription's events in the server's order, unknown ones last, without duplicates", () => {
    expect(sortEvents(['checkin.created', 'future.thing', 'agreement.status_changed', 'checkin.created'])).toEqual([
      'agreement.status_changed',
      'checkin.created',
      'future.thing',
    ]);
    expect(knownEvents(['future.thing', 'meeting.held'])).toEqual(['meeting.held']);
    expect(isWebhookEvent('rotation.status_changed')).toBe(true);
    expect(isWebhookEvent('rotation.deleted')).toBe(false);
  });

  it('has a label and a description for every event and group in both languages', () => {
    for (const dict of [zhCN, en]) {
      const info: Record<string, { label?: string; help?: string }> = dict.webhook.eventInfo;
      const groups: Record<string, string> = dict.webhook.groups;
      for (const event of WEBHOOK_EVENTS) {
        expect(info[EVENT_KEYS[event]]?.label).toBeTruthy();
        expect(info[EVENT_KEYS[event]]?.help).toBeTruthy();
      }
      expect(Object.keys(info).sort()).toEqual(Object.values(EVENT_KEYS).sort());
      for (const g of EVENT_GROUPS) expect(groups[g]).toBeTruthy();
      const statuses: Record<string, string> = dict.webhook.delivery.statusValue;
      for (const s of DELIVERY_STATUSES) expect(statuses[s]).toBeTruthy();
    }
  });
});

describe('delivery status', () => {
  it('reads waiting blue, arrived green, given up red', () => {
    expect(deliveryStatusColor('pending')).toBe('blue');
    expect(deliveryStatusColor('delivered')).toBe('green');
    expect(deliveryStatusColor('failed')).toBe('red');
  });

  it('lets failed and delivered deliveries be sent again, not queued ones', () => {
    expect(canRedeliver('failed')).toBe(true);
    expect(canRedeliver('delivered')).toBe(true);
    expect(canRedeliver('pending')).toBe(false);
  });

  it("tells an attempt's outcome: accepted, refused, no answer, not yet", () => {
    expect(attemptOutcome(204, '')).toEqual({ kind: 'accepted', statusCode: 204 });
    expect(attemptOutcome(500, '')).toEqual({ kind: 'refused', statusCode: 500 });
    expect(attemptOutcome(301, '')).toEqual({ kind: 'refused', statusCode: 301 });
    expect(attemptOutcome(null, ' ConnectError: [Errno -2] Name or service not known ')).toEqual({
      kind: 'error',
      error: 'ConnectError: [Errno -2] Name or service not known',
    });
    expect(attemptOutcome(null, '')).toEqual({ kind: 'none' });
  });

  it('names a subscription active or paused', () => {
    expect(webhookState({ is_active: true })).toBe('active');
    expect(webhookState({ is_active: false })).toBe('paused');
  });
});

describe('webhook form', () => {
  it('accepts http and https addresses with a host only', () => {
    expect(isHttpUrl('https://hooks.example.org/pairing')).toBe(true);
    expect(isHttpUrl(' http://10.0.0.5:8080/in ')).toBe(true);
    expect(isHttpUrl('HTTPS://Example.org')).toBe(true);
    expect(isHttpUrl('ftp://example.org/x')).toBe(false);
    expect(isHttpUrl('hooks.example.org/pairing')).toBe(false);
    expect(isHttpUrl('https://')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('')).toBe(false);
  });

  it('creates with the trimmed URL and events in the server order; the server generates the secret by default', () => {
    expect(
      createBody({ url: ' https://hooks.example.org/pairing ', events: ['checkin.created', 'agreement.status_changed'], secretMode: 'generate', secret: 'ignored-because-generated' }),
    ).toEqual({ url: 'https://hooks.example.org/pairing', events: ['agreement.status_changed', 'checkin.created'] });
  });

  it('sends a typed-in secret, trimmed, and none when left blank', () => {
    expect(createBody({ url: 'https://h.example/x', events: ['meeting.held'], secretMode: 'custom', secret: '  0123456789abcdef  ' })).toEqual({
      url: 'https://h.example/x',
      events: ['meeting.held'],
      secret: '0123456789abcdef',
    });
    expect(createBody({ url: 'https://h.example/x', events: ['meeting.held'], secretMode: 'custom', secret: '   ' })).not.toHaveProperty('secret');
  });

  it('patches only what changed', () => {
    const w = { url: 'https://h.example/x', events: ['meeting.held', 'agreement.status_changed'] };
    expect(updateBody(w, { url: 'https://h.example/x ', events: ['agreement.status_changed', 'meeting.held'] })).toEqual({});
    expect(updateBody(w, { url: 'https://h.example/y', events: ['meeting.held', 'agreement.status_changed'] })).toEqual({ url: 'https://h.example/y' });
    expect(updateBody(w, { url: 'https://h.example/x', events: ['meeting.held'] })).toEqual({ events: ['meeting.held'] });
    // an event the server no longer knows drops out when the events are saved
    expect(updateBody({ url: 'https://h.example/x', events: ['meeting.held', 'old.event'] }, { url: 'https://h.example/x', events: ['meeting.held'] })).toEqual({
      events: ['meeting.held'],
    });
  });
});

describe('verification snippet', () => {
  it('checks HMAC-SHA256 over "<timestamp>.<body>" against X-Pairing-Signature, in constant time', () => {
    expect(VERIFY_SNIPPET).toContain('hashlib.sha256');
    expect(VERIFY_SNIPPET).toContain('message = timestamp.encode() + b"." + body');
    expect(VERIFY_SNIPPET).toContain('X-Pairing-Signature');
    expect(VERIFY_SNIPPET).toContain('expected = "sha256=" + mac.hexdigest()');
    expect(VERIFY_SNIPPET).toContain('hmac.compare_digest(expected, signature)');
    // short enough not to wrap in the dialog
    expect(Math.max(...VERIFY_SNIPPET.split('\n').map((l) => l.length))).toBeLessThanOrEqual(72);
  });
});
