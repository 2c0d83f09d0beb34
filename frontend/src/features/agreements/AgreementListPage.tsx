import { Alert, Button, Space, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Agreement } from '../../api/types';
import { AGREEMENT_AREAS, AGREEMENT_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { CreateLink, ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { ProgrammeFilter } from '../programmes/ProgrammeFilter';
import { SchoolFilter } from '../schools/SchoolSelect';
import { schoolYearOptions } from './labels';
import { AGREEMENT_FILTERS, agreementListParams, useAgreementList, useWaitingCount } from './queries';
import { StatusTag } from './StatusTag';

export default function AgreementListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(AGREEMENT_FILTERS, agreementListParams);
  const { state, params, setFilter, sortable } = list;
  const query = useAgreementList(params);
  const canDraft = access.can('agreements.edit');
  const waitingOnly = params.waiting_for_me === true;
  const waiting = useWaitingCount(canDraft && !waitingOnly);
  const years = useMemo(() => schoolYearOptions(new Date()), []);
  // "waiting for me" alone is a view, not a search that found nothing
  const onlyWaiting = waitingOnly && !state.q && Object.keys(state.filters).length === 1;

  const createButton = canDraft ? <CreateLink to="/agreements/new" label={t('agreement.new')} testId="create-agreement" /> : null;
  const waitingFor = (a: Agreement) =>
    a.next_actor ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`agreement.waitingFor.${a.next_actor}`)}
      </Typography.Text>
    ) : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <ListPageHeader
        title={t('agreement.listTitle')}
        exportAs={{ resource: 'agreements', params, filenameBase: t('agreement.exportName') }}
        create={createButton}
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
      <FilterBar list={list} searchPlaceholder={t('agreement.searchPlaceholder')}>
        <ProgrammeFilter placeholder={t('agreement.programme')} {...list.filter('programme_id')} testId="filter-programme" />
        <FilterSelect
          placeholder={t('agreement.status')}
          {...list.filter('status')}
          options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`enum.agreementStatus.${s}`) }))}
          testId="filter-status"
        />
        <SchoolFilter placeholder={t('agreement.school')} {...list.filter('school_id')} />
        <FilterSelect
          placeholder={t('agreement.area')}
          {...list.filter('area')}
          options={AGREEMENT_AREAS.map((s) => ({ value: s, label: t(`enum.agreementArea.${s}`) }))}
        />
        <FilterSelect
          placeholder={t('agreement.schoolYear')}
          {...list.filter('school_year')}
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
      </FilterBar>
      <DataList<Agreement>
        testId="agreement-list"
        rowKey="id"
        {...list.dataListProps(query)}
        hasFilters={list.hasFilters && !onlyWaiting}
        emptyText={onlyWaiting ? t('agreement.emptyWaiting') : canDraft ? t('agreement.emptyEditor') : t('agreement.empty')}
        emptyAction={
          onlyWaiting ? (
            <Button onClick={list.clear} data-testid="show-all">
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
              <RowLink to={`/agreements/${a.id}`}>{title}</RowLink>
            ),
          },
          { title: t('agreement.supportingSchool'), dataIndex: 'supporting_school_name' },
          { title: t('agreement.receivingSchool'), dataIndex: 'receiving_school_name' },
          { title: t('agreement.programme'), dataIndex: 'programme_name' },
          {
            title: t('agreement.period'),
            ...sortable('start_date'),
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
