// All meetings in scope as a paged list with filters and "Export to Excel".
import { DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MeetingKind, MeetingSummary } from '../../api/types';
import { MEETING_STATUSES } from '../../api/types';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate, orEmpty } from '../../lib/format';
import { SchoolFilter } from '../schools/SchoolSelect';
import { meetingDay } from './labels';
import { MeetingStatusTag, MinutesStatusTag } from './MeetingTags';
import { MEETING_FILTERS, meetingListParams, useMeetingList } from './queries';

const KEEP = ['view', 'month'] as const;

export function MeetingList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useResourceList(MEETING_FILTERS, meetingListParams, KEEP);
  const { params, update, state, sortable } = list;
  const query = useMeetingList(params);
  const range: [Dayjs | null, Dayjs | null] | null =
    params.from || params.to ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null] : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <FilterBar
        list={list}
        searchPlaceholder={t('meeting.searchPlaceholder')}
        actions={<ExportButton resource="meetings" params={params} filenameBase={t('meeting.exportName')} />}
      >
        <FilterSelect
          placeholder={t('meeting.status')}
          {...list.filter('status')}
          options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`enum.meetingStatus.${s}`) }))}
          testId="filter-status"
        />
        <SchoolFilter placeholder={t('agreement.school')} {...list.filter('school_id')} />
        <DatePicker.RangePicker
          format="YYYY-MM-DD"
          value={range}
          allowEmpty={[true, true]}
          onChange={(v) => {
            const filters = { ...state.filters };
            delete filters.from;
            delete filters.to;
            if (v?.[0]) filters.from = v[0].format('YYYY-MM-DD');
            if (v?.[1]) filters.to = v[1].format('YYYY-MM-DD');
            update({ filters });
          }}
          style={{ flex: '1 1 260px' }}
        />
      </FilterBar>
      <DataList<MeetingSummary>
        testId="meeting-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={t('meeting.emptyAll')}
        onOpen={(m) => void navigate(`/meetings/${m.id}`)}
        columns={[
          {
            title: t('meeting.scheduledDate'),
            dataIndex: 'scheduled_date',
            ...sortable('scheduled_date'),
            render: (v: string, m) => <RowLink to={`/meetings/${m.id}`}>{formatDate(v)}</RowLink>,
          },
          { title: t('meeting.heldDate'), dataIndex: 'held_date', ...sortable('held_date'), render: (v: string | null) => formatDate(v) },
          { title: t('meeting.agreement'), dataIndex: 'agreement_title' },
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
              <Typography.Text strong>{formatDate(meetingDay(m))}</Typography.Text>
              <MeetingStatusTag status={m.status} />
              <MinutesStatusTag status={m.minutes_status} />
            </Space>
            <div>
              <Typography.Text type="secondary">{m.agreement_title}</Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {t(`enum.meetingKind.${m.kind}`)}
                {m.location ? ` · ${m.location}` : ''}
              </Typography.Text>
            </div>
          </>
        )}
      />
    </>
  );
}
