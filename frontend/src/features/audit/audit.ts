// The audit trail's pure parts: the entities and actions the server records (backend/app: audit.record
// and friends), where an entity's page is, the URL's filters as the API's query, and what changed
// between an event's record before and after.
import type { AuditEvent } from '../../api/types';
import { changedFields } from '../../lib/diff';
import { intOrUndefined, oneOf, type ListState } from '../../lib/listState';

/** The kinds of record the server audits, in the order the entity filter offers them. */
export const AUDIT_ENTITIES = [
  'school',
  'teacher',
  'user',
  'programme',
  'agreement',
  'amendment',
  'goal',
  'activity',
  'donation',
  'attachment',
  'meeting',
  'action_item',
  'rotation',
  'leave',
  'work_log',
  'evaluation',
  'calendar_day',
  'need',
  'unavailability',
  'proposal',
  'assessment',
  'assessment_sheet',
  'integration_client',
  'webhook',
  'webhook_delivery',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** The actions the server records: the CRUD ones first, then the workflows' steps. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'submit',
  'confirm',
  'approve',
  'reject',
  'complete',
  'terminate',
  'renew',
  'arrive',
  'withdraw',
  'checkin',
  'leave_approve',
  'leave_reject',
  'photo',
  'upload',
  'confirm_minutes',
  'return_minutes',
  'score',
  'publish',
  'accept',
  'revoke',
  'rotate_secret',
  'redeliver',
  'update_profile',
  'change_password',
  'seed_demo',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function knownEntity(v: string | null | undefined): AuditEntity | undefined {
  return oneOf(AUDIT_ENTITIES, v ?? undefined);
}

export function knownAction(v: string | null | undefined): AuditAction | undefined {
  return oneOf(AUDIT_ACTIONS, v ?? undefined);
}

/** An entity's entry in a table keyed by the known entities (none for an unknown code). */
function forEntity<V>(table: Partial<Record<AuditEntity, V>>, entity: string): V | undefined {
  const e = knownEntity(entity);
  return e ? table[e] : undefined;
}

/** The tag colour of an action: creating green, deleting red, changing blue, a workflow step plain. */
export function actionColor(action: string): string | undefined {
  if (action === 'create' || action === 'upload') return 'green';
  if (action === 'delete' || action === 'revoke' || action === 'terminate') return 'red';
  if (action === 'update' || action === 'update_profile') return 'blue';
  return undefined;
}

const PAGES: Partial<Record<AuditEntity, string>> = {
  school: '/schools',
  teacher: '/teachers',
  user: '/users',
  programme: '/programmes',
  agreement: '/agreements',
  meeting: '/meetings',
  rotation: '/rotations',
  proposal: '/planning',
  assessment: '/assessments',
  webhook: '/webhooks',
};

/** The page of the record an event is about, when it has one (a deleted record has none). */
export function entityHref(event: Pick<AuditEvent, 'entity' | 'entity_id' | 'action'>): string | null {
  const base = forEntity(PAGES, event.entity);
  if (!base || event.entity_id === null || event.action === 'delete') return null;
  return `${base}/${event.entity_id}`;
}

// ---- the URL's filters → the API's query

export const AUDIT_FILTERS = ['date_from', 'date_to', 'entity', 'entity_id', 'action', 'actor_id'] as const;
export const AUDIT_SORTS = ['at', '-at'] as const;
/** The server keeps entity and action codes to 40 characters. */
const CODE_MAX = 40;

/** A date as the API takes it (2026-09-01), or nothing. */
function isoDate(v: string | undefined): string | undefined {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

function code(v: string | undefined): string | undefined {
  const s = v?.trim();
  return s && s.length <= CODE_MAX ? s : undefined;
}

function positiveId(v: string | undefined): number | undefined {
  const n = intOrUndefined(v);
  return n !== undefined && n > 0 ? n : undefined;
}

/**
 * /audit's URL state → GET /audit-events' query: paging, the sort on the time, and the filters that
 * are valid (an unknown entity or action code still passes: the server may record more than we list).
 */
export function auditListParams(state: ListState) {
  const f = state.filters;
  return {
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
    sort: oneOf(AUDIT_SORTS, state.sort ?? undefined),
    date_from: isoDate(f.date_from),
    date_to: isoDate(f.date_to),
    entity: code(f.entity),
    entity_id: positiveId(f.entity_id),
    action: code(f.action),
    actor_id: positiveId(f.actor_id),
  };
}
export type AuditListParams = ReturnType<typeof auditListParams>;

// ---- what changed

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping every write changes: not worth a line of its own. */
const HIDDEN_FIELDS = new Set(['version', 'updated_at', 'allowed_actions']);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Nothing there: no value, an empty text or an empty list. */
function blank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * The fields an event changed, in the record's field order: an update's differing fields, a create's
 * recorded values (before empty), a delete's removed ones (after empty). Bookkeeping (version,
 * updated_at) and fields empty on both sides are left out.
 */
export function auditChanges(event: Pick<AuditEvent, 'before' | 'after'>): FieldChange[] {
  const before = event.before ?? {};
  const after = event.after ?? {};
  const changed = new Set(Object.keys(changedFields<Record<string, unknown>>(before, after)));
  // a field the record no longer has, e.g. everything a delete removed
  for (const k of Object.keys(before)) if (!(k in after)) changed.add(k);
  const order = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return order
    .filter((k) => changed.has(k) && !HIDDEN_FIELDS.has(k))
    // changedFields compares nested objects by reference; the JSON of a snapshot by value
    .filter((k) => !(k in before && k in after && sameJson(before[k], after[k])))
    // nothing on either side (a create's empty address, a step without a comment)
    .filter((k) => !(blank(before[k]) && blank(after[k])))
    .map((k) => ({ field: k, before: before[k], after: after[k] }));
}

// ---- labels of fields and values, found in the existing catalogues

/** Where a record's own form labels its fields (school.address → 地址). */
export const FIELD_NAMESPACES: Partial<Record<AuditEntity, string>> = {
  school: 'school',
  teacher: 'teacher',
  user: 'user',
  programme: 'programme',
  agreement: 'agreement',
  amendment: 'amendment',
  goal: 'goal',
  activity: 'activity',
  donation: 'donation',
  attachment: 'attachment',
  meeting: 'meeting',
  action_item: 'actionItem',
  rotation: 'rotation',
  calendar_day: 'calendar',
  need: 'planning.need',
  assessment: 'assessment',
  integration_client: 'integration',
  webhook: 'webhook',
};

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * The catalogue keys that may name a field, best first: the entity's own form label (student_count →
 * school.studentCount, region_id → school.region), then the audit page's common ones (id, status…).
 */
export function fieldLabelKeys(entity: string, field: string): string[] {
  const names = [camel(field)];
  if (field.endsWith('_id') && field !== 'id') names.push(camel(field.slice(0, -3)));
  const ns = forEntity(FIELD_NAMESPACES, entity);
  return [...(ns ? names.map((n) => `${ns}.${n}`) : []), ...names.map((n) => `audit.field.${n}`)];
}

/** Fields whose values are one of the app's enums, by entity (status → enum.agreementStatus). */
export const ENUM_FIELDS: Partial<Record<AuditEntity, Record<string, string>>> = {
  school: { stage: 'stage', locale: 'locale' },
  teacher: { gender: 'gender', title_rank: 'titleRank', backbone_level: 'backbone' },
  user: { role: 'role' },
  agreement: { status: 'agreementStatus' },
  amendment: { status: 'agreementStatus' },
  goal: { status: 'goalStatus' },
  activity: { kind: 'activityKind' },
  donation: { kind: 'donationKind' },
  meeting: { status: 'meetingStatus', kind: 'meetingKind', minutes_status: 'minutesStatus' },
  action_item: { status: 'actionItemStatus' },
  rotation: { status: 'rotationStatus', direction: 'rotationDirection', kind: 'rotationKind' },
  leave: { status: 'leaveStatus' },
  work_log: { kind: 'workLogKind' },
  evaluation: { status: 'evaluationStatus', grade: 'evaluationGrade' },
  calendar_day: { kind: 'calendarDayKind' },
  need: { priority: 'needPriority' },
  proposal: { status: 'proposalStatus' },
  assessment: { status: 'assessmentStatus' },
};

/** The catalogue key naming a field's value (agreement status "active" → enum.agreementStatus.active), if it is an enum's. */
export function enumValueKey(entity: string, field: string, value: unknown): string | null {
  const ns = forEntity(ENUM_FIELDS, entity)?.[field];
  return ns && typeof value === 'string' && /^[a-z_]+$/.test(value) ? `enum.${ns}.${value}` : null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** How a recorded value reads: the kind of value, so the page can word it (yes/no, a time, a list). */
export type ValueView =
  | { kind: 'empty' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'dateTime'; value: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'text'; value: string };

export function valueView(v: unknown): ValueView {
  if (v === null || v === undefined || v === '') return { kind: 'empty' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') return ISO_DATE_TIME.test(v) ? { kind: 'dateTime', value: v } : { kind: 'text', value: v };
  if (typeof v === 'number') return { kind: 'text', value: String(v) };
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    return v.length === 0 ? { kind: 'empty' } : { kind: 'list', items: v.map(String) };
  }
  return { kind: 'text', value: JSON.stringify(v) };
}
