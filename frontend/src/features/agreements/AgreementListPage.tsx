import { Alert, Button, Input, Select, Space, Switch, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Agreement } from '../../api/types';
import { AGREEMENT_AREAS, AGREEMENT_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useListState } from '../../components/useListState';
import { formatDate } from '../../lib/format';
import { columnSortOrder, intOrUndefined } from '../../lib/listState';
import { useProgrammeOptions } from '../programmes/queries';
import { useSchool } from '../schools/queries';
import { SchoolSelect } from '../schools/SchoolSelect';
import { schoolYearOptions } from './labels';
import { AGREEMENT_FILTERS, agreementListParams, useAgreementList, useWaitingCount } from './queries';
import { StatusTag } from './StatusTag';

export default function AgreementListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { state, update, setFilter, hasFilters, clear } = useListState(AGREEMENT_FILTERS);
  const params = agreementListParams(state);
  const list = useAgreementList(params);
  const programmes = useProgrammeOptions();
  const schoolId = intOrUndefined(state.filters.school_id) ?? null;
  const school = useSchool(schoolId);
  const canDraft = access.can('agreements.edit');
  const waitingOnly = params.waiting_for_me === true;
  const waiting = useWaitingCount(canDraft && !waitingOnly);
  const years = useMemo(() => schoolYearOptions(new Date()), []);
  // "waiting for me" alone is a view, not a search that found nothing
  const onlyWaiting = waitingOnly && !state.q && Object.keys(state.filters).length === 1;

  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) });
  const createButton = canDraft ? (
    <Link to="/agreements/new">
      <Button type="primary" icon={<PlusOutlined />} data-testid="create-agreement">
        {t('agreement.new')}
      </Button>
    </Link>
  ) : null;
  const waitingFor = (a: Agreement) =>
    a.next_actor ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`agreement.waitingFor.${a.next_actor}`)}
      </Typography.Text>
    ) : null;

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('agreement.listTitle')}
        extra={
          <>
            <ExportButton resource="agreements" params={params} filenameBase={t('agreement.exportName')} />
            {createButton}
          </>
        }
      />
      {!waitingOnly && (waiting.data ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="waiting-alert"
          title={t('agreement.waitingAlert', { count: waiting.data ?? 0 })}
          action={
            <Button size="small" onClick={() => setFilter('waiting_for_me', 'true')} data-testid="waiting-show">
              {t('agreement.waitingShow')}
            </Button>
          }
        />
      )}
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={state.q}
          key={`q-${state.q}`}
          placeholder={t('agreement.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
          data-testid="list-search"
        />
        <Select
          allowClear
          placeholder={t('agreement.programme')}
          value={state.filters.programme_id}
          loading={programmes.isLoading}
          onChange={(v?: string) => setFilter('programme_id', v)}
          options={(programmes.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          data-testid="filter-programme"
        />
        <Select
          allowClear
          placeholder={t('agreement.status')}
          value={state.filters.status}
          onChange={(v?: string) => setFilter('status', v)}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`enum.agreementStatus.${s}`) }))}
          data-testid="filter-status"
        />
        <SchoolSelect
          allowClear
          value={schoolId ?? undefined}
          current={school.data ?? null}
          placeholder={t('agreement.school')}
          onChange={(v) => setFilter('school_id', v === undefined ? undefined : String(v))}
        />
        <Select
          allowClear
          placeholder={t('agreement.area')}
          value={state.filters.area}
          onChange={(v?: string) => setFilter('area', v)}
          options={AGREEMENT_AREAS.map((s) => ({ value: s, label: t(`enum.agreementArea.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('agreement.schoolYear')}
          value={state.filters.school_year}
          onChange={(v?: string) => setFilter('school_year', v)}
          options={years.map((y) => ({ value: String(y), label: t('agreement.schoolYearLabel', { start: y, end: y + 1 }) }))}
        />
        {canDraft && (
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minHeight: 32 }}>
            <Switch
              checked={waitingOnly}
              onChange={(on) => setFilter('waiting_for_me', on ? 'true' : undefined)}
              data-testid="waiting-toggle"
            />
            {t('agreement.waitingForMe')}
          </label>
        )}
      </div>
      <DataList<Agreement>
        testId="agreement-list"
        rowKey="id"
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={state}
        onChange={update}
        hasFilters={hasFilters && !onlyWaiting}
        onClearFilters={clear}
        emptyText={onlyWaiting ? t('agreement.emptyWaiting') : canDraft ? t('agreement.emptyEditor') : t('agreement.empty')}
        emptyAction={
          onlyWaiting ? (
            <Button onClick={clear} data-testid="show-all">
              {t('agreement.showAll')}
            </Button>
          ) : (
            createButton
          )
        }
        onOpen={(a) => void navigate(`/agreements/${a.id}`)}
        columns={[
          {
            title: t('agreement.title'),
            dataIndex: 'title',
            ...sortable('title'),
            render: (title: string, a) => (
              <Link to={`/agreements/${a.id}`} onClick={(e) => e.stopPropagation()}>
                {title}
              </Link>
            ),
          },
          { title: t('agreement.supportingSchool'), dataIndex: 'supporting_school_name' },
          { title: t('agreement.receivingSchool'), dataIndex: 'receiving_school_name' },
          { title: t('agreement.programme'), dataIndex: 'programme_name' },
          {
            title: t('agreement.period'),
            key: 'start_date',
            sorter: true,
            sortOrder: columnSortOrder(state.sort, 'start_date'),
            render: (_: unknown, a) => `${formatDate(a.start_date)} ~ ${formatDate(a.end_date)}`,
          },
          {
            title: t('agreement.status'),
            dataIndex: 'status',
            ...sortable('status'),
            render: (_: unknown, a) => (
              <Space orientation="vertical" size={0}>
                <StatusTag status={a.status} />
                {waitingFor(a)}
              </Space>
            ),
          },
        ]}
        renderCard={(a) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{a.title}</Typography.Text>
              <StatusTag status={a.status} />
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t('agreement.pair', { supporting: a.supporting_school_name, receiving: a.receiving_school_name })}
              </Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {formatDate(a.start_date)} ~ {formatDate(a.end_date)}
              </Typography.Text>
            </div>
            {waitingFor(a)}
          </>
        )}
      />
    </>
  );
}
