// All meetings in scope on a month calendar (the visible six weeks are fetched with from/to), or
// a year's months with their counts. On phones a small calendar with dots, the month's list below.
import { useMemo, useState, type ReactElement } from 'react';
import { Alert, Badge, Calendar, Card, Empty, Grid, List, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MeetingSummary } from '../../api/types';
import { MEETING_STATUSES } from '../../api/types';
import { FilterSelect } from '../../components/FilterBar';
import { LoadError } from '../../components/Results';
import { formatDate } from '../../lib/format';
import { intOrUndefined, oneOf } from '../../lib/listState';
import { SchoolFilter } from '../schools/SchoolSelect';
import { groupByDay, MEETING_STATUS_HEX, meetingDay, monthGridRange, parseMonth, yearRange } from './labels';
import { MeetingStatusTag, MinutesStatusTag } from './MeetingTags';
import { CALENDAR_LIMIT, useMeetingCalendar } from './queries';

type Mode = 'month' | 'year';

function pairOf(m: MeetingSummary): string {
  return `${m.supporting_school_name}—${m.receiving_school_name}`;
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Space size={12} wrap data-testid="calendar-legend">
      {MEETING_STATUSES.map((s) => (
        <Badge key={s} color={MEETING_STATUS_HEX[s]} text={t(`enum.meetingStatus.${s}`)} />
      ))}
    </Space>
  );
}

export function MeetingCalendar() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.md;
  const [sp, setSp] = useSearchParams();
  const { year, month } = parseMonth(sp.get('month'), new Date());
  const monthStart = dayjs(new Date(year, month, 1));
  const [mode, setMode] = useState<Mode>('month');
  const [selected, setSelected] = useState<Dayjs | null>(null);
  const status = oneOf(MEETING_STATUSES, sp.get('status') ?? undefined);
  const schoolId = intOrUndefined(sp.get('school_id') ?? undefined);
  // the week starts as the calendar's locale says (Monday in Chinese, Sunday in English)
  const weekStart = dayjs().startOf('week').day();
  const range = mode === 'year' ? yearRange(year) : monthGridRange(year, month, weekStart);
  const query = useMeetingCalendar({ ...range, status, school_id: schoolId });
  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const byDay = useMemo(() => groupByDay(items), [items]);
  const truncated = (query.data?.total ?? 0) > items.length;
  const unit = mode === 'year' ? 'year' : 'month';
  // the day marked on the calendar: the one picked, else today when in view, else the 1st
  const value = selected?.isSame(monthStart, unit) ? selected : dayjs().isSame(monthStart, unit) ? dayjs().startOf('day') : monthStart;

  const setParam = (name: string, v: string | undefined) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(name, v);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const showMonth = (d: Dayjs) => setParam('month', d.format('YYYY-MM'));

  const dayList = (d: Dayjs) => byDay.get(d.format('YYYY-MM-DD')) ?? [];
  const monthCount = (d: Dayjs) => items.filter((m) => meetingDay(m).startsWith(d.format('YYYY-MM'))).length;

  const fullCell = (current: Dayjs, info: { type: string; originNode: ReactElement }) => {
    // phones: the day number with a dot per meeting (up to three)
    if (info.type !== 'date') return info.originNode;
    const list = dayList(current);
    return (
      <div className="ant-picker-cell-inner calendar-mini-cell" data-testid={list.length ? 'calendar-day-with-meetings' : undefined}>
        {current.date()}
        {list.length > 0 && (
          <span className="calendar-dots" aria-label={t('meeting.countOnDay', { count: list.length })}>
            {list.slice(0, 3).map((m) => (
              <i key={m.id} style={{ background: MEETING_STATUS_HEX[m.status] }} />
            ))}
          </span>
        )}
      </div>
    );
  };

  const cell = (current: Dayjs, info: { type: string; originNode: ReactElement }) => {
    if (info.type === 'month') {
      const n = monthCount(current);
      return n > 0 ? <Badge count={n} color="#1677ff" title={t('meeting.countInMonth', { count: n })} /> : null;
    }
    if (info.type !== 'date') return info.originNode;
    const list = dayList(current);
    if (list.length === 0) return null;
    return (
      <ul className="calendar-meetings">
        {list.map((m) => (
          <li key={m.id}>
            <Link
              to={`/meetings/${m.id}`}
              onClick={(e) => e.stopPropagation()}
              className="calendar-meeting"
              data-testid="calendar-meeting"
              data-status={m.status}
              title={`${m.agreement_title} · ${t(`enum.meetingKind.${m.kind}`)} · ${t(`enum.meetingStatus.${m.status}`)}`}
              style={{ borderInlineStartColor: MEETING_STATUS_HEX[m.status] }}
            >
              {pairOf(m)}
            </Link>
          </li>
        ))}
      </ul>
    );
  };

  const inMonth = items.filter((m) => meetingDay(m).startsWith(monthStart.format('YYYY-MM')));
  const phoneList = selected && selected.isSame(monthStart, 'month') && dayList(selected).length > 0 ? dayList(selected) : inMonth;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <div className="filter-bar">
        <FilterSelect
          placeholder={t('meeting.status')}
          value={status}
          onChange={(v) => setParam('status', v)}
          options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`enum.meetingStatus.${s}`) }))}
          testId="calendar-filter-status"
        />
        <SchoolFilter placeholder={t('agreement.school')} value={sp.get('school_id') ?? undefined} onChange={(v) => setParam('school_id', v)} />
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <Legend />
        </div>
      </div>
      {truncated && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('meeting.calendarTruncated', { count: CALENDAR_LIMIT })} />}
      <Card size="small" data-testid="meeting-calendar" data-from={range.from} data-to={range.to} data-loading={query.isFetching}>
        <Calendar
          fullscreen={wide}
          mode={mode}
          value={value}
          onChange={(d) => setSelected(d)}
          onPanelChange={(d, m) => {
            setMode(m === 'year' ? 'year' : 'month');
            showMonth(d);
          }}
          onSelect={(d, { source }) => {
            if (source === 'month') {
              setMode('month');
              showMonth(d);
            }
          }}
          cellRender={wide ? cell : undefined}
          fullCellRender={wide ? undefined : fullCell}
        />
      </Card>
      {!wide && mode === 'month' && (
        <List<MeetingSummary>
          style={{ marginTop: 12 }}
          dataSource={phoneList}
          rowKey="id"
          loading={query.isFetching}
          data-testid="calendar-month-list"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meeting.noneThisMonth')} /> }}
          renderItem={(m) => (
            <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
              <Card size="small" hoverable style={{ width: '100%' }} onClick={() => void navigate(`/meetings/${m.id}`)} data-testid="list-card">
                <Space size={4} wrap>
                  <Typography.Text strong>{formatDate(meetingDay(m))}</Typography.Text>
                  <MeetingStatusTag status={m.status} />
                  <MinutesStatusTag status={m.minutes_status} />
                </Space>
                <div>
                  <Typography.Text type="secondary">{pairOf(m)}</Typography.Text>
                </div>
              </Card>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
