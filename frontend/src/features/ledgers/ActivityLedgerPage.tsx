// 帮扶活动: the activities of every agreement in scope (a school admin: its own pairs'), filtered by kind,
// dates, programme and school in the URL — what the dashboard's activity figures count. Each row opens
// its agreement's activities tab, where activities are recorded.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, ActivityListRow } from '../../api/types';
import { ACTIVITY_KINDS } from '../../api/types';
import { RowLink } from '../../components/ListPageHeader';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { LedgerListPage } from './LedgerListPage';
import { agreementLedgerHref, LEDGER_FILTERS } from './links';
import { activityLedgerParams, useActivityLedger } from './queries';

export default function ActivityLedgerPage() {
  const { t } = useTranslation();
  const list = useResourceList(LEDGER_FILTERS, activityLedgerParams);
  const { sortable } = list;
  const query = useActivityLedger(list.params);
  const tabOf = (x: ActivityListRow) => agreementLedgerHref('activities', x.agreement_id);
  const kindLabel = (k: ActivityKind) => t(`enum.activityKind.${k}`);
  return (
    <LedgerListPage<ActivityListRow, typeof list.params>
      ledger="activities"
      list={list}
      query={query}
      testId="activity-ledger"
      searchPlaceholder={t('activity.searchPlaceholder')}
      kinds={{ placeholder: t('activity.kind'), options: ACTIVITY_KINDS.map((k) => ({ value: k, label: kindLabel(k) })) }}
      columns={[
        { title: t('activity.date'), dataIndex: 'date', ...sortable('date'), render: (v: string) => formatDate(v) },
        { title: t('activity.kind'), dataIndex: 'kind', ...sortable('kind'), render: (v: ActivityKind) => kindLabel(v) },
        { title: t('activity.title'), dataIndex: 'title', render: (v: string, x) => v || kindLabel(x.kind) },
        {
          title: t('ledgers.agreement'),
          dataIndex: 'agreement_title',
          render: (v: string, x) => <RowLink to={tabOf(x)}>{v}</RowLink>,
        },
        { title: t('activity.organizer'), dataIndex: 'organizer_school_name' },
        { title: t('activity.participants'), dataIndex: 'participants', align: 'right', ...sortable('participants') },
      ]}
      renderCard={(x) => (
        <div data-testid="activity-card" data-kind={x.kind}>
          <Space size={4} wrap>
            <Typography.Text strong>{x.title || kindLabel(x.kind)}</Typography.Text>
            <Tag>{kindLabel(x.kind)}</Tag>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {formatDate(x.date)} · {x.organizer_school_name} · {t('activity.participantsN', { count: x.participants })}
            </Typography.Text>
          </div>
          <div>
            <Typography.Text type="secondary">{x.agreement_title}</Typography.Text>
          </div>
        </div>
      )}
    />
  );
}
