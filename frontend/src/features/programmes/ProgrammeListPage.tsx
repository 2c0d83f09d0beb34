import { Button, Input, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Programme } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useListState } from '../../components/useListState';
import { formatDate, formatShare } from '../../lib/format';
import { columnSortOrder } from '../../lib/listState';
import { PROGRAMME_FILTERS, programmeListParams, useProgrammeList } from './queries';

export default function ProgrammeListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { state, update, hasFilters, clear } = useListState(PROGRAMME_FILTERS);
  const params = programmeListParams(state);
  const list = useProgrammeList(params);
  const canEdit = access.can('programmes.edit');

  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) });
  const createButton = canEdit ? (
    <Link to="/programmes/new">
      <Button type="primary" icon={<PlusOutlined />} data-testid="create-programme">
        {t('programme.new')}
      </Button>
    </Link>
  ) : null;

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('programme.listTitle')}
        extra={
          <>
            <ExportButton resource="programmes" params={params} filenameBase={t('programme.exportName')} />
            {createButton}
          </>
        }
      />
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={state.q}
          key={`q-${state.q}`}
          placeholder={t('programme.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
          data-testid="list-search"
        />
      </div>
      <DataList<Programme>
        testId="programme-list"
        rowKey="id"
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={state}
        onChange={update}
        hasFilters={hasFilters}
        onClearFilters={clear}
        emptyText={canEdit ? t('programme.emptyEditor') : t('programme.empty')}
        emptyAction={createButton}
        onOpen={(p) => void navigate(`/programmes/${p.id}`)}
        columns={[
          {
            title: t('programme.name'),
            dataIndex: 'name',
            ...sortable('name'),
            render: (name: string, p) => (
              <Link to={`/programmes/${p.id}`} onClick={(e) => e.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          { title: t('programme.startDate'), dataIndex: 'start_date', ...sortable('start_date'), render: (v: string) => formatDate(v) },
          { title: t('programme.endDate'), dataIndex: 'end_date', ...sortable('end_date'), render: (v: string) => formatDate(v) },
          {
            title: t('programme.meetings'),
            key: 'meetings',
            render: (_: unknown, p) => t(`programme.meetingsRule.${p.meeting_cadence}`, { count: p.min_meetings }),
          },
          { title: t('programme.minRotationShare'), dataIndex: 'min_rotation_share', align: 'right', render: (v: string) => formatShare(v) },
          { title: t('programme.minBackboneShare'), dataIndex: 'min_backbone_share', align: 'right', render: (v: string) => formatShare(v) },
        ]}
        renderCard={(p) => (
          <>
            <Typography.Text strong>{p.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {formatDate(p.start_date)} ~ {formatDate(p.end_date)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {t(`programme.meetingsRule.${p.meeting_cadence}`, { count: p.min_meetings })}
            </Typography.Text>
          </>
        )}
      />
    </>
  );
}
