// 交流教师: a school's outgoing and incoming teachers at a glance — period, status, attendance so far,
// flagged check-ins, work-log entries and leave waiting for a decision; each row opens the rotation.
// A school admin sees their own school; the bureau picks a school (or sees the whole county).
import { useMemo } from 'react';
import { Alert, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RosterRow } from '../../api/types';
import { ROTATION_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import type { DataListProps } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { RowLink } from '../../components/ListPageHeader';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { EMPTY, formatDate } from '../../lib/format';
import { intOrUndefined, oneOf } from '../../lib/listState';
import { RotationStatusTag } from '../rotations/RotationTags';
import { useSchool } from '../schools/queries';
import { SchoolFilter } from '../schools/SchoolSelect';
import { pageOf, pickRosterYear, ROSTER_TABS, sortRoster, splitRoster, type RosterTab } from './figures';
import { AttendanceBar, PendingBadge, SchoolYearSelect } from './parts';
import { ROSTER_ALL, ROSTER_FILTERS, rosterParams, useRoster } from './queries';

type Columns = DataListProps<RosterRow>['columns'];

function period(r: RosterRow): string {
  return `${formatDate(r.start_date)} ~ ${formatDate(r.end_date)}`;
}

/** Days present / absent / on leave so far; compact in the table, spelled out on a card. */
function Days({ r, long }: { r: RosterRow; long?: boolean }) {
  const { t } = useTranslation();
  const counted = r.present_days + r.absent_days + r.leave_days > 0;
  return (
    <span data-testid="attendance-days" data-present={r.present_days} data-absent={r.absent_days} data-leave={r.leave_days}>
      {!counted && !long
        ? EMPTY
        : long
          ? t('rotationReport.roster.daysShort', { present: r.present_days, absent: r.absent_days, leave: r.leave_days })
          : `${r.present_days} / ${r.absent_days} / ${r.leave_days}`}
    </span>
  );
}

export default function RotationRosterPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const today = useMemo(() => new Date(), []);
  // the request depends on the school (split into tabs or paged by the server), so it is built below
  const list = useResourceList(ROSTER_FILTERS, (s) => s);
  const { state, sortable, setFilter, update } = list;
  const schoolId = access.fixedSchoolId ?? intOrUndefined(state.filters.school_id);
  const split = schoolId !== undefined;
  const schoolYear = pickRosterYear(state.filters.school_year, today);
  const params = rosterParams(state, { schoolYear, schoolId, split });
  const query = useRoster(params);
  const school = useSchool(schoolId ?? null);

  const sides = useMemo(
    () => (split && query.data ? splitRoster(query.data.items, schoolId) : { outgoing: [], incoming: [] }),
    [split, query.data, schoolId],
  );
  const asked = oneOf(ROSTER_TABS, state.filters.tab);
  // a receiving school that sends nobody lands on the teachers it hosts
  const tab: RosterTab = asked ?? (sides.outgoing.length === 0 && sides.incoming.length > 0 ? 'incoming' : 'outgoing');
  const shown = split ? sortRoster(sides[tab], state.sort) : (query.data?.items ?? []);
  const truncated = split && query.data !== undefined && query.data.total > query.data.items.length;
  const hasFilters = state.q !== '' || state.filters.status !== undefined;
  const clearFilters = () => {
    const filters = { ...state.filters };
    delete filters.status;
    update({ q: '', filters });
  };

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const open = (r: RosterRow) => void navigate(`/rotations/${r.id}`);
  const otherSchool: Columns = split
    ? [
        {
          title: tab === 'outgoing' ? t('rotationReport.roster.hostSchool') : t('rotationReport.roster.homeSchool'),
          key: 'other',
          render: (_: unknown, r) => (tab === 'outgoing' ? r.to_school_name : r.from_school_name),
        },
      ]
    : [
        { title: t('rotationReport.roster.homeSchool'), dataIndex: 'from_school_name' },
        { title: t('rotationReport.roster.hostSchool'), dataIndex: 'to_school_name' },
      ];
  const columns: Columns = [
    {
      title: t('rotationReport.teacher'),
      dataIndex: 'teacher_name',
      render: (v: string, r) => <RowLink to={`/rotations/${r.id}`}>{v}</RowLink>,
    },
    ...otherSchool,
    { title: t('rotationReport.roster.period'), dataIndex: 'start_date', ...sortable('start_date'), render: (_: unknown, r) => period(r) },
    { title: t('rotationReport.roster.status'), dataIndex: 'status', ...sortable('status'), render: (_: unknown, r) => <RotationStatusTag status={r.status} /> },
    { title: t('rotationReport.roster.attendanceRate'), dataIndex: 'attendance_rate', render: (v: number | null) => <AttendanceBar rate={v} /> },
    { title: t('rotationReport.roster.days'), key: 'days', render: (_: unknown, r) => <Days r={r} /> },
    {
      title: t('rotationReport.roster.flagged'),
      dataIndex: 'flagged_days',
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="warning">{v}</Typography.Text> : v),
    },
    { title: t('rotationReport.roster.logs'), dataIndex: 'log_count', align: 'right' },
    { title: t('rotationReport.roster.pendingLeaves'), dataIndex: 'pending_leaves', align: 'center', render: (v: number) => <PendingBadge count={v} /> },
  ];

  const renderCard = (r: RosterRow) => (
    <>
      <Space size={4} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space size={4} wrap>
          <Typography.Text strong>{r.teacher_name}</Typography.Text>
          <RotationStatusTag status={r.status} />
        </Space>
        {r.pending_leaves > 0 && <PendingBadge count={r.pending_leaves} />}
      </Space>
      <div>
        <Typography.Text type="secondary">
          {split
            ? tab === 'outgoing'
              ? t('rotationReport.roster.toSchool', { school: r.to_school_name })
              : t('rotationReport.roster.fromSchool', { school: r.from_school_name })
            : `${r.from_school_name} → ${r.to_school_name}`}
        </Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">{period(r)}</Typography.Text>
      </div>
      <AttendanceBar rate={r.attendance_rate} width={220} />
      <Typography.Text type="secondary">
        <Days r={r} long />
        {' · '}
        {t('rotationReport.roster.cardExtra', { flagged: r.flagged_days, logs: r.log_count })}
      </Typography.Text>
    </>
  );

  const dataList = (
    <DataList<RosterRow>
      testId="roster-list"
      rowKey="id"
      items={split ? pageOf(shown, state.page, state.pageSize) : shown}
      total={split ? shown.length : (query.data?.total ?? 0)}
      loading={query.isFetching}
      state={state}
      onChange={update}
      hasFilters={hasFilters}
      onClearFilters={clearFilters}
      emptyText={
        split ? t(tab === 'outgoing' ? 'rotationReport.roster.emptyOutgoing' : 'rotationReport.roster.emptyIncoming') : t('rotationReport.roster.empty')
      }
      onOpen={open}
      columns={columns}
      renderCard={renderCard}
    />
  );

  return (
    <>
      <PageHeader
        title={school.data ? t('rotationReport.roster.titleOf', { school: school.data.name }) : t('rotationReport.roster.title')}
        extra={
          <ExportButton
            resource="rotations/roster"
            params={{ school_id: params.school_id, school_year: params.school_year, status: params.status, q: params.q }}
            filenameBase={school.data ? t('rotationReport.roster.exportNameOf', { school: school.data.name }) : t('rotationReport.roster.exportName')}
          />
        }
      />
      <FilterBar list={list} searchPlaceholder={t('rotationReport.searchTeacher')}>
        {access.fixedSchoolId === null && <SchoolFilter placeholder={t('rotationReport.school')} {...list.filter('school_id')} />}
        <SchoolYearSelect value={schoolYear} onChange={(v) => setFilter('school_year', v)} allowAll testId="roster-year" />
        <FilterSelect
          placeholder={t('rotationReport.roster.status')}
          {...list.filter('status')}
          options={ROTATION_STATUSES.map((s) => ({ value: s, label: t(`enum.rotationStatus.${s}`) }))}
          testId="roster-filter-status"
        />
      </FilterBar>
      {truncated && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rotationReport.roster.truncated', { count: ROSTER_ALL })} />
      )}
      {split ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setFilter('tab', k)}
          items={ROSTER_TABS.map((k) => ({
            key: k,
            label: (
              <span data-testid={`roster-tab-${k}`}>
                {t(`rotationReport.roster.tab.${k}`)} ({sides[k].length})
              </span>
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('rotationReport.roster.pickSchool')}</Typography.Paragraph>
      )}
      {dataList}
    </>
  );
}
