// 跟进事项: the follow-up items of all meetings in scope, with "only overdue" kept in the URL
// (overdue=true); each row opens the meeting that recorded it.
import { Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ActionItemListRow } from '../../api/types';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { RowLink } from '../../components/ListPageHeader';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { FollowUpTags } from './FollowUpTags';
import { ACTION_ITEM_STATUSES, FOLLOW_UP_FILTERS, followUpParams, useFollowUps } from './queries';

export default function FollowUpListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useResourceList(FOLLOW_UP_FILTERS, followUpParams);
  const { params, sortable, setFilter } = list;
  const query = useFollowUps(params);

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const meetingOf = (i: ActionItemListRow) => `/meetings/${i.meeting_id}`;
  return (
    <>
      <PageHeader
        title={t('followUps.title')}
        extra={<ExportButton resource="action-items" params={params} filenameBase={t('followUps.exportName')} />}
      />
      <FilterBar list={list} searchPlaceholder={t('followUps.searchPlaceholder')}>
        <FilterSelect
          placeholder={t('followUps.status')}
          {...list.filter('status')}
          options={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`enum.actionItemStatus.${s}`) }))}
          testId="follow-up-filter-status"
        />
        <Space>
          <Switch
            checked={params.overdue === true}
            onChange={(on) => setFilter('overdue', on ? 'true' : undefined)}
            data-testid="follow-up-overdue-only"
            aria-label={t('followUps.overdueOnly')}
          />
          <Typography.Text>{t('followUps.overdueOnly')}</Typography.Text>
        </Space>
      </FilterBar>
      <DataList<ActionItemListRow>
        testId="follow-up-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={t('followUps.empty')}
        onOpen={(i) => void navigate(meetingOf(i))}
        columns={[
          {
            title: t('actionItem.description'),
            dataIndex: 'description',
            render: (v: string, i) => <RowLink to={meetingOf(i)}>{v}</RowLink>,
          },
          { title: t('followUps.ownerSchool'), dataIndex: 'owner_school_name' },
          { title: t('actionItem.ownerName'), dataIndex: 'owner_name' },
          {
            title: t('followUps.agreement'),
            dataIndex: 'agreement_title',
            render: (v: string, i) => <RowLink to={`/agreements/${i.agreement_id}`}>{v}</RowLink>,
          },
          { title: t('actionItem.dueDate'), dataIndex: 'due_date', ...sortable('due_date'), render: (v: string) => formatDate(v) },
          { title: t('followUps.status'), key: 'status', render: (_: unknown, i) => <FollowUpTags item={i} /> },
          { title: t('followUps.doneAt'), dataIndex: 'done_at', render: (v: string | null) => formatDate(v) },
        ]}
        renderCard={(i) => (
          <div data-testid="follow-up-card" data-overdue={i.overdue}>
            <Space size={4} wrap>
              <FollowUpTags item={i} />
              <Typography.Text type={i.overdue ? 'danger' : 'secondary'}>{t('actionItem.dueOn', { date: formatDate(i.due_date) })}</Typography.Text>
            </Space>
            <div>
              <Typography.Text strong>{i.description}</Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {[i.owner_school_name, i.owner_name].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">{i.agreement_title}</Typography.Text>
            </div>
          </div>
        )}
      />
    </>
  );
}
