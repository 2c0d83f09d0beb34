import { describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN.json';
import en from '../../i18n/en.json';
import { readListState } from '../../lib/listState';
import {
  actionColor,
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_FILTERS,
  auditChanges,
  auditListParams,
  entityHref,
  ENUM_FIELDS,
  enumValueKey,
  FIELD_NAMESPACES,
  fieldLabelKeys,
  knownAction,
  knownEntity,
  valueView,
} from './audit';

const state = (qs: string) => readListState(new URLSearchParams(qs), AUDIT_FILTERS);

/** A catalogue's entry at a dotted key, if there is one. */
function lookup(catalogue: object, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), catalogue);
}

describe('the audit trail query', () => {
  it("turns /audit's URL into GET /audit-events' query", () => {
    expect(
      auditListParams(state('date_from=2026-09-01&date_to=2026-09-30&entity=school&entity_id=12&action=update&actor_id=3&sort=-at&page=3&page_size=50')),
    ).toEqual({
      limit: 50,
      offset: 100,
      sort: '-at',
      date_from: '2026-09-01',
      date_to: '2026-09-30',
      entity: 'school',
      entity_id: 12,
      action: 'update',
      actor_id: 3,
    });
  });

  it('asks for the first page, newest first, without filters', () => {
    expect(auditListParams(state(''))).toEqual({
      limit: 20,
      offset: 0,
      sort: undefined,
      date_from: undefined,
      date_to: undefined,
      entity: undefined,
      entity_id: undefined,
      action: undefined,
      actor_id: undefined,
    });
  });

  it('drops what the API would refuse, keeps codes it may know better than we do', () => {
    expect(
      auditListParams(state(`date_from=2026-9-1&date_to=tomorrow&entity_id=x&actor_id=-2&sort=actor&action=${'a'.repeat(41)}`)),
    ).toMatchObject({ date_from: undefined, date_to: undefined, entity_id: undefined, actor_id: undefined, sort: undefined, action: undefined });
    // an action or entity this page does not list still filters (free text), trimmed
    expect(auditListParams(state('action=%20lock_account%20&entity=timetable'))).toMatchObject({ action: 'lock_account', entity: 'timetable' });
    // there is no search box: a stray q is not sent
    expect(auditListParams(state('q=update'))).not.toHaveProperty('q');
  });
});

describe('the audit trail labels', () => {
  it('every known entity and action has a label in both languages', () => {
    for (const cat of [zhCN, en]) {
      for (const e of AUDIT_ENTITIES) expect(typeof lookup(cat, `audit.entityValue.${e}`)).toBe('string');
      for (const a of AUDIT_ACTIONS) expect(typeof lookup(cat, `audit.actionValue.${a}`)).toBe('string');
    }
    expect(lookup(zhCN, 'audit.entityValue.school')).toBe('学校');
    expect(lookup(en, 'audit.actionValue.update')).toBe('Changed');
  });

  it('knows the codes it lists, nothing else', () => {
    expect(knownEntity('integration_client')).toBe('integration_client');
    expect(knownEntity('timetable')).toBeUndefined();
    expect(knownEntity(null)).toBeUndefined();
    expect(knownAction('change_password')).toBe('change_password');
    expect(knownAction('lock_account')).toBeUndefined();
  });

  it('colours creating, deleting and changing', () => {
    expect(actionColor('create')).toBe('green');
    expect(actionColor('delete')).toBe('red');
    expect(actionColor('update')).toBe('blue');
    expect(actionColor('approve')).toBeUndefined();
  });

  it("finds a field's label on its record's form first, then among the common ones", () => {
    expect(fieldLabelKeys('school', 'student_count')).toEqual(['school.studentCount', 'audit.field.studentCount']);
    expect(fieldLabelKeys('school', 'region_id')).toEqual(['school.regionId', 'school.region', 'audit.field.regionId', 'audit.field.region']);
    expect(fieldLabelKeys('timetable', 'id')).toEqual(['audit.field.id']);
    // the keys found are the forms' labels
    expect(lookup(zhCN, fieldLabelKeys('school', 'address')[0])).toBe('地址');
    expect(lookup(en, fieldLabelKeys('teacher', 'title_rank')[0])).toBe('Professional title');
  });

  it('the catalogues it reads from exist in both languages', () => {
    for (const cat of [zhCN, en]) {
      for (const ns of Object.values(FIELD_NAMESPACES)) expect(typeof lookup(cat, ns)).toBe('object');
      for (const fields of Object.values(ENUM_FIELDS)) for (const ns of Object.values(fields)) expect(typeof lookup(cat, `enum.${ns}`)).toBe('object');
    }
  });

  it("words an enum's value by its entity's field", () => {
    expect(enumValueKey('agreement', 'status', 'active')).toBe('enum.agreementStatus.active');
    expect(lookup(zhCN, enumValueKey('rotation', 'status', 'approved') ?? '')).toBe('已批准');
    // a user's locale is the UI language, not a school's locale
    expect(enumValueKey('user', 'locale', 'zh-CN')).toBeNull();
    expect(enumValueKey('school', 'stage', 3)).toBeNull();
    expect(enumValueKey('timetable', 'status', 'active')).toBeNull();
  });

  it('tells the kind of a recorded value', () => {
    expect(valueView(null)).toEqual({ kind: 'empty' });
    expect(valueView('')).toEqual({ kind: 'empty' });
    expect(valueView([])).toEqual({ kind: 'empty' });
    expect(valueView(false)).toEqual({ kind: 'bool', value: false });
    expect(valueView(1200)).toEqual({ kind: 'text', value: '1200' });
    expect(valueView('2026-09-01')).toEqual({ kind: 'text', value: '2026-09-01' });
    expect(valueView('2026-09-01T00:30:00Z')).toEqual({ kind: 'dateTime', value: '2026-09-01T00:30:00Z' });
    expect(valueView(['语文', '数学'])).toEqual({ kind: 'list', items: ['语文', '数学'] });
    expect(valueView({ id: 2, name: '云溪县' })).toEqual({ kind: 'text', value: '{"id":2,"name":"云溪县"}' });
  });
});

describe("an audit event's record", () => {
  it("links to the record's page where there is one", () => {
    expect(entityHref({ entity: 'school', entity_id: 5, action: 'update' })).toBe('/schools/5');
    expect(entityHref({ entity: 'agreement', entity_id: 9, action: 'approve' })).toBe('/agreements/9');
    expect(entityHref({ entity: 'rotation', entity_id: 3, action: 'checkin' })).toBe('/rotations/3');
    expect(entityHref({ entity: 'proposal', entity_id: 2, action: 'accept' })).toBe('/planning/2');
    expect(entityHref({ entity: 'webhook', entity_id: 4, action: 'create' })).toBe('/webhooks/4');
    // a deleted record, a record without a page of its own, an event about no one record
    expect(entityHref({ entity: 'school', entity_id: 5, action: 'delete' })).toBeNull();
    expect(entityHref({ entity: 'integration_client', entity_id: 1, action: 'revoke' })).toBeNull();
    expect(entityHref({ entity: 'user', entity_id: null, action: 'seed_demo' })).toBeNull();
  });

  it('an update shows the fields that changed, without the bookkeeping', () => {
    const before = { id: 5, name: '实验小学', address: '老街 1 号', version: 3, updated_at: '2026-09-01T00:00:00Z', region: { id: 2, name: '云溪县' }, subjects: ['语文'] };
    const after = { ...before, address: '新街 8 号', version: 4, updated_at: '2026-09-02T00:00:00Z', region: { id: 2, name: '云溪县' }, subjects: ['语文', '数学'] };
    expect(auditChanges({ before, after })).toEqual([
      { field: 'address', before: '老街 1 号', after: '新街 8 号' },
      { field: 'subjects', before: ['语文'], after: ['语文', '数学'] },
    ]);
    // a nested value that changed is shown
    expect(auditChanges({ before, after: { ...before, region: { id: 3, name: '城关镇' } } })).toEqual([
      { field: 'region', before: { id: 2, name: '云溪县' }, after: { id: 3, name: '城关镇' } },
    ]);
  });

  it('a create shows what was recorded, a delete what was removed (nothing empty on both sides)', () => {
    expect(auditChanges({ before: null, after: { id: 7, name: '新学校', address: null, version: 1 } })).toEqual([
      { field: 'id', before: undefined, after: 7 },
      { field: 'name', before: undefined, after: '新学校' },
    ]);
    expect(auditChanges({ before: { id: 7, name: '新学校', address: null }, after: null })).toEqual([
      { field: 'id', before: 7, after: undefined },
      { field: 'name', before: '新学校', after: undefined },
    ]);
  });

  it("a workflow step shows the status and the step's comment", () => {
    expect(auditChanges({ before: { status: 'confirmed' }, after: { status: 'active', comment: '' } })).toEqual([
      { field: 'status', before: 'confirmed', after: 'active' },
    ]);
    expect(auditChanges({ before: { status: 'submitted' }, after: { status: 'draft', comment: '请补充目标' } })).toEqual([
      { field: 'status', before: 'submitted', after: 'draft' },
      { field: 'comment', before: undefined, after: '请补充目标' },
    ]);
    expect(auditChanges({ before: null, after: null })).toEqual([]);
  });
});
