// The agreement page's "meetings" tab: the pair's meetings, newest first; parties schedule new ones.
import { useState } from 'react';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Agreement, MeetingKind, MeetingSummary } from '../../api/types';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { AddButton, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate, orEmpty } from '../../lib/format';
import { MeetingPlanModal } from './MeetingPlanModal';
import { MeetingStatusTag, MinutesStatusTag } from './MeetingTags';
import { agreementMeetingParams, useAgreementMeetings } from './queries';
import { useCanRecordMeetings } from './useCanRecordMeetings';

const NO_FILTERS: readonly string[] = [];

export function MeetingsTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useResourceList(NO_FILTERS, agreementMeetingParams, ['tab']);
  const { params, sortable } = list;
  const query = useAgreementMeetings(agreement.id, params);
  const [scheduling, setScheduling] = useState(false);
  const party = useCanRecordMeetings(agreement);
  const canSchedule = party && agreement.status === 'active';

  const addButton = canSchedule ? (
    <AddButton label={t('meeting.schedule')} testId="meeting-schedule" onClick={() => setScheduling(true)} />
  ) : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      {party && agreement.status !== 'active' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('meeting.needsActive')} data-testid="meeting-needs-active" />
      )}
      <FilterBar
        list={list}
        searchPlaceholder={t('meeting.searchPlaceholder')}
        actions={
          <>
            <ExportButton
              resource={`agreements/${agreement.id}/meetings`}
              params={params}
              filenameBase={t('meeting.exportNameOf', { title: agreement.title })}
            />
            {addButton}
          </>
        }
      />
      <DataList<MeetingSummary>
        testId="meeting-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={canSchedule ? t('meeting.emptyEditor') : t('meeting.empty')}
        emptyAction={addButton}
        onOpen={(m) => void navigate(`/meetings/${m.id}`)}
        columns={[
          {
            title: t('meeting.scheduledDate'),
            dataIndex: 'scheduled_date',
            ...sortable('scheduled_date'),
            render: (v: string, m) => <RowLink to={`/meetings/${m.id}`}>{formatDate(v)}</RowLink>,
          },
          { title: t('meeting.heldDate'), dataIndex: 'held_date', ...sortable('held_date'), render: (v: string | null) => formatDate(v) },
          { title: t('meeting.kind'), dataIndex: 'kind', render: (v: MeetingKind) => t(`enum.meetingKind.${v}`) },
          { title: t('meeting.location'), dataIndex: 'location', render: (v: string) => orEmpty(v) },
          {
            title: t('meeting.status'),
            dataIndex: 'status',
            ...sortable('status'),
            render: (_: unknown, m) => (
              <Space size={[0, 4]} wrap>
                <MeetingStatusTag status={m.status} />
                <MinutesStatusTag status={m.minutes_status} />
              </Space>
            ),
          },
        ]}
        renderCard={(m) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{formatDate(m.held_date ?? m.scheduled_date)}</Typography.Text>
              <MeetingStatusTag status={m.status} />
              <MinutesStatusTag status={m.minutes_status} />
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t(`enum.meetingKind.${m.kind}`)}
                {m.location ? ` · ${m.location}` : ''}
              </Typography.Text>
            </div>
          </>
        )}
      />
      {scheduling && <MeetingPlanModal agreementId={agreement.id} meeting={null} onClose={() => setScheduling(false)} />}
    </>
  );
}
