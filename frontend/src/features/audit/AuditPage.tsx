// /audit: the audit trail (操作日志) of the bureau's jurisdiction — who created, changed, approved or
// deleted which record, and when, newest first. Filters (dates, record type and id, action, person)
// live in the URL and go with the Excel export; a row (or a phone card) opens what changed, field by
// field, before and after. Bureau admins and viewers read it; the server refuses everyone else.
import { useState, type Key } from 'react';
import { Button, DatePicker, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../api/types';
import { DataList } from '../../components/DataList';
import { ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { EMPTY, formatDateTime } from '../../lib/format';
import { intOrUndefined } from '../../lib/listState';
import { useUser, useUserList } from '../users/queries';
import {
  actionColor,
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_FILTERS,
  auditChanges,
  auditListParams,
  entityHref,
  enumValueKey,
  fieldLabelKeys,
  knownAction,
  knownEntity,
  valueView,
  type FieldChange,
} from './audit';
import { useAuditList } from './queries';
import './audit.css';

/** A catalogue entry found at run time (a form's field label, an enum's value), if it is plain text. */
function resource(i18n: I18n, key: string): string | undefined {
  const r: unknown = i18n.getResource(i18n.resolvedLanguage ?? i18n.language, 'translation', key);
  return typeof r === 'string' && !r.includes('{{') ? r : undefined;
}

/** The labels of entities and actions: the known ones translated, another code as it is. */
function useAuditLabels() {
  const { t } = useTranslation();
  return {
    entity: (code: string) => {
      const e = knownEntity(code);
      return e ? t(`audit.entityValue.${e}`) : code;
    },
    action: (code: string) => {
      const a = knownAction(code);
      return a ? t(`audit.actionValue.${a}`) : code;
    },
  };
}

function ActionTag({ action }: { action: string }) {
  const labels = useAuditLabels();
  return (
    <Tag color={actionColor(action)} data-testid="audit-action" data-action={action}>
      {labels.action(action)}
    </Tag>
  );
}

/** The record an event is about: its type and number, linked to its page where it has one. */
function EntityRef({ event }: { event: AuditEvent }) {
  const labels = useAuditLabels();
  const href = entityHref(event);
  const id = event.entity_id === null ? null : `#${event.entity_id}`;
  return (
    <span data-testid="audit-entity" data-entity={event.entity}>
      {labels.entity(event.entity)}
      {id && ' '}
      {id && (href ? <RowLink to={href}>{id}</RowLink> : <Typography.Text type="secondary">{id}</Typography.Text>)}
    </span>
  );
}

function Actor({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  if (event.actor_name) return <span data-testid="audit-actor">{event.actor_name}</span>;
  return (
    <Typography.Text type="secondary" data-testid="audit-actor">
      {event.actor_id === null ? t('audit.system') : `#${event.actor_id}`}
    </Typography.Text>
  );
}

/** One recorded value, worded: an enum's label, yes/no, a time, a list. */
function Value({ entity, field, value }: { entity: string; field: string; value: unknown }) {
  const { t, i18n } = useTranslation();
  const key = enumValueKey(entity, field, value);
  const label = key ? resource(i18n, key) : undefined;
  if (label) return <>{label}</>;
  const v = valueView(value);
  switch (v.kind) {
    case 'empty':
      return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
    case 'bool':
      return <>{v.value ? t('common.yes') : t('common.no')}</>;
    case 'dateTime':
      return <>{formatDateTime(v.value)}</>;
    case 'list':
      return <>{v.items.join(t('common.listSeparator'))}</>;
    case 'text':
      return <>{v.value}</>;
  }
}

/** What an event changed: field, before, after — a small table that scrolls inside itself on phones. */
function AuditChanges({ event, changes }: { event: AuditEvent; changes: FieldChange[] }) {
  const { t, i18n } = useTranslation();
  const label = (field: string) => fieldLabelKeys(event.entity, field).map((k) => resource(i18n, k)).find(Boolean) ?? field;
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.changes.none')}</Typography.Text>;
  return (
    <div className="audit-changes" data-testid="audit-changes" onClick={(e) => e.stopPropagation()}>
      <Table<FieldChange>
        size="small"
        bordered
        pagination={false}
        rowKey="field"
        dataSource={changes}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('audit.changes.field'),
            dataIndex: 'field',
            render: (f: string) => (
              <span title={f} className="audit-field" data-testid="audit-change-field" data-field={f}>
                {label(f)}
              </span>
            ),
          },
          {
            title: t('audit.changes.before'),
            dataIndex: 'before',
            className: 'audit-value audit-before',
            render: (v: unknown, c) => <Value entity={event.entity} field={c.field} value={v} />,
          },
          {
            title: t('audit.changes.after'),
            dataIndex: 'after',
            className: 'audit-value audit-after',
            render: (v: unknown, c) => <Value entity={event.entity} field={c.field} value={v} />,
          },
        ]}
      />
    </div>
  );
}

/** The dates, inclusive; the quick ranges help widen a search that found nothing. */
function DateRangeFilter({ from, to, onChange }: { from?: string; to?: string; onChange: (from?: string, to?: string) => void }) {
  const { t } = useTranslation();
  const value: [Dayjs | null, Dayjs | null] | null = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;
  const today = dayjs().startOf('day');
  return (
    <DatePicker.RangePicker
      format="YYYY-MM-DD"
      value={value}
      allowEmpty={[true, true]}
      placeholder={[t('audit.dateFrom'), t('audit.dateTo')]}
      presets={[
        { label: t('audit.presets.today'), value: [today, today] },
        { label: t('audit.presets.last7'), value: [today.subtract(6, 'day'), today] },
        { label: t('audit.presets.last30'), value: [today.subtract(29, 'day'), today] },
        { label: t('audit.presets.last90'), value: [today.subtract(89, 'day'), today] },
      ]}
      onChange={(v) => onChange(v?.[0]?.format('YYYY-MM-DD'), v?.[1]?.format('YYYY-MM-DD'))}
      className="audit-filter-dates"
      data-testid="audit-filter-dates"
    />
  );
}

function EntityFilter({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const options: { value: string; label: string }[] = AUDIT_ENTITIES.map((e) => ({ value: e, label: labels.entity(e) }));
  // a code from a link or an older record keeps its place
  if (value && !knownEntity(value)) options.unshift({ value, label: value });
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: ['label', 'value'] }}
      placeholder={t('audit.entityFilter')}
      value={value}
      onChange={(v?: string) => onChange(v)}
      options={options}
      data-testid="audit-filter-entity"
    />
  );
}

/** The known actions, and whatever code is typed (the server may record actions this list lacks). */
function ActionFilter({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [typed, setTyped] = useState('');
  const options: { value: string; label: string }[] = AUDIT_ACTIONS.map((a) => ({ value: a, label: labels.action(a) }));
  const code = typed.trim();
  if (value && !knownAction(value)) options.unshift({ value, label: value });
  if (code && code.length <= 40 && !options.some((o) => o.value === code || o.label === code)) {
    options.push({ value: code, label: t('audit.customAction', { action: code }) });
  }
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: ['label', 'value'], onSearch: setTyped }}
      placeholder={t('audit.actionFilter')}
      value={value}
      onChange={(v?: string) => {
        setTyped('');
        onChange(v);
      }}
      options={options}
      data-testid="audit-filter-action"
    />
  );
}

/** Who made the change: a user picked by name or username (searched on the server). */
function ActorFilter({ value, onChange }: { value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserList({ limit: 20, offset: 0, ...(q ? { q } : {}), role: undefined, school_id: undefined, is_active: undefined });
  const id = intOrUndefined(value);
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.display_name} (${u.username})` }));
  // the chosen person outside the first page of results still shows their name
  const missing = id !== undefined && !options.some((o) => o.value === id);
  const chosen = useUser(missing ? id : null);
  if (missing && chosen.data) options.unshift({ value: chosen.data.id, label: `${chosen.data.display_name} (${chosen.data.username})` });
  return (
    <Select<number>
      allowClear
      placeholder={t('audit.actorFilter')}
      value={id}
      onChange={(v?: number) => {
        setQ('');
        onChange(v === undefined ? undefined : String(v));
      }}
      loading={users.isFetching}
      showSearch={{ filterOption: false, onSearch: (s) => setQ(s.trim()) }}
      options={options}
      notFoundContent={users.isFetching ? t('common.loading') : t('common.noMatch')}
      data-testid="audit-filter-actor"
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const list = useResourceList(AUDIT_FILTERS, auditListParams);
  const query = useAuditList(list.params);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const { state, update, params } = list;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const isOpen = (e: AuditEvent) => expanded.includes(e.id);
  const toggle = (e: AuditEvent) => setExpanded((keys) => (keys.includes(e.id) ? keys.filter((k) => k !== e.id) : [...keys, e.id]));
  const setDates = (from?: string, to?: string) => {
    const filters = { ...state.filters };
    delete filters.date_from;
    delete filters.date_to;
    if (from) filters.date_from = from;
    if (to) filters.date_to = to;
    update({ filters });
  };

  // nothing found: say what to try — wider dates first, then fewer filters
  const hasDates = Boolean(params.date_from || params.date_to);
  const emptyText = !list.hasFilters ? t('audit.empty') : hasDates ? t('audit.emptyDates') : t('audit.emptyFiltered');
  const emptyAction = list.hasFilters ? (
    <Space wrap>
      {hasDates && (
        <Button type="primary" onClick={() => setDates()} data-testid="audit-clear-dates">
          {t('audit.clearDates')}
        </Button>
      )}
      <Button onClick={list.clear}>{t('common.clearFilters')}</Button>
    </Space>
  ) : null;

  return (
    <>
      <ListPageHeader
        title={t('audit.title')}
        exportAs={{ resource: 'audit-events', params, filenameBase: t('audit.exportName') }}
        create={null}
      />
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <div className="filter-bar" data-testid="audit-filters">
        <DateRangeFilter from={params.date_from} to={params.date_to} onChange={setDates} />
        <EntityFilter {...list.filter('entity')} />
        <InputNumber<number>
          min={1}
          precision={0}
          controls={false}
          placeholder={t('audit.entityIdFilter')}
          value={params.entity_id ?? null}
          onChange={(v) => list.setFilter('entity_id', v === null ? undefined : String(v))}
          aria-label={t('audit.entityIdFilter')}
          className="audit-filter-id"
          data-testid="audit-filter-entity-id"
        />
        <ActionFilter {...list.filter('action')} />
        <ActorFilter {...list.filter('actor_id')} />
      </div>
      <DataList<AuditEvent>
        testId="audit-list"
        rowKey="id"
        {...list.dataListProps(query)}
        // the empty state below names what to try; DataList's own would only offer to clear everything
        hasFilters={false}
        emptyText={emptyText}
        emptyAction={emptyAction}
        onOpen={toggle}
        expandable={{
          expandedRowKeys: [...expanded],
          onExpand: (_open, e) => toggle(e),
          rowExpandable: (e) => auditChanges(e).length > 0,
          expandedRowRender: (e) => <AuditChanges event={e} changes={auditChanges(e)} />,
        }}
        columns={[
          {
            title: t('audit.at'),
            dataIndex: 'at',
            ...list.sortable('at'),
            render: (v: string) => <span className="audit-at">{formatDateTime(v)}</span>,
          },
          { title: t('audit.actor'), key: 'actor', render: (_v: unknown, e: AuditEvent) => <Actor event={e} /> },
          { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <ActionTag action={v} /> },
          { title: t('audit.entity'), key: 'entity', render: (_v: unknown, e: AuditEvent) => <EntityRef event={e} /> },
        ]}
        renderCard={(e) => {
          const changes = auditChanges(e);
          return (
            <div className="audit-card">
              <div className="audit-card-head">
                <ActionTag action={e.action} />
                <Typography.Text strong>
                  <EntityRef event={e} />
                </Typography.Text>
              </div>
              <Typography.Text type="secondary">
                {formatDateTime(e.at)} · <Actor event={e} />
              </Typography.Text>
              {isOpen(e) && <AuditChanges event={e} changes={changes} />}
              {changes.length > 0 && (
                <div>
                  <Button
                    size="small"
                    type="text"
                    icon={isOpen(e) ? <UpOutlined /> : <DownOutlined />}
                    aria-expanded={isOpen(e)}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      toggle(e);
                    }}
                    data-testid="audit-changes-toggle"
                  >
                    {isOpen(e) ? t('audit.changes.hide') : t('audit.changes.show', { count: changes.length })}
                  </Button>
                </div>
              )}
            </div>
          );
        }}
      />
    </>
  );
}
