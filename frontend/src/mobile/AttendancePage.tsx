// /my/attendance — a month's calendar of day states (‹ › between the rotation's months) and the counts.
import { Button } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ATTENDANCE_STATES, type Attendance, type Rotation } from '../api/types';
import { PageLoading } from '../components/PageLoading';
import { monthsBetween, monthWeeks, pickMonth } from '../lib/attendanceMonths';
import { todayIso, useAttendance } from './queries';
import { LoadFailed, MobileScreen, RotationGate } from './ui';

const LEGEND_COLOR: Record<(typeof ATTENDANCE_STATES)[number], string> = {
  present: '#d9f7be',
  leave: '#d6e4ff',
  absent: '#ffccc7',
  pending: '#ffe7ba',
  upcoming: '#f0f0f0',
  no_school: '#ffffff',
};

function Counts({ data }: { data: Attendance }) {
  const { t } = useTranslation();
  const items = [
    ['expected', data.expected_days],
    ['present', data.present_days],
    ['leave', data.leave_days],
    ['absent', data.absent_days],
  ] as const;
  return (
    <div className="m-card">
      <div className="m-stats" data-testid="attendance-counts">
        {items.map(([key, n]) => (
          <div key={key} data-testid={`attendance-${key}`}>
            <b>{n}</b>
            <span>{t(`mobile.attendance.${key}`)}</span>
          </div>
        ))}
      </div>
      <div className="m-muted" style={{ marginTop: 10 }}>
        {data.attendance_rate !== null && t('mobile.attendance.rate', { rate: Math.round(data.attendance_rate * 1000) / 10 })}
        {data.flagged_days > 0 && ` · ${t('mobile.attendance.flaggedDays', { count: data.flagged_days })}`}
      </div>
    </div>
  );
}

function Calendar({ month, data }: { month: string; data: Attendance }) {
  const { t } = useTranslation();
  const weekdays = t('mobile.attendance.weekdays').split(',');
  const weeks = monthWeeks(month, 1, data.days);
  return (
    <div className="m-card">
      <div className="m-cal" role="grid" aria-label={month} data-testid="attendance-calendar">
        {weekdays.map((w) => (
          <div key={w} className="m-cal-head" role="columnheader">
            {w}
          </div>
        ))}
        {weeks.flat().map((c, i) =>
          c ? (
            <div
              key={c.date}
              role="gridcell"
              className="m-day"
              data-testid="attendance-day"
              data-date={c.date}
              data-state={c.state ?? 'outside'}
              data-flagged={c.flagged}
              title={`${c.date} ${c.state ? t(`enum.attendanceState.${c.state}`) : ''}${c.flagged ? ` · ${t('mobile.attendance.flagged')}` : ''}`}
              aria-label={`${c.date} ${c.state ? t(`enum.attendanceState.${c.state}`) : t('mobile.attendance.outside')}`}
            >
              {c.day}
            </div>
          ) : (
            <div key={`pad-${i}`} aria-hidden />
          ),
        )}
      </div>
      <div className="m-legend">
        {ATTENDANCE_STATES.map((s) => (
          <span key={s}>
            <i style={{ background: LEGEND_COLOR[s], border: '1px solid rgba(0,0,0,0.08)' }} />
            {t(`enum.attendanceState.${s}`)}
          </span>
        ))}
        <span>
          <i style={{ background: '#fa8c16', width: 8, height: 8, borderRadius: '50%' }} />
          {t('mobile.attendance.flagged')}
        </span>
      </div>
    </div>
  );
}

function Month({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const months = monthsBetween(rotation.start_date, rotation.end_date);
  const month = pickMonth(months, params.get('month'), todayIso()) ?? months[0];
  const index = months.indexOf(month);
  const attendance = useAttendance(rotation.id, month);
  const go = (m: string) => setParams({ month: m }, { replace: true });
  return (
    <>
      <div className="m-card m-month">
        <Button
          icon={<LeftOutlined />}
          aria-label={t('mobile.attendance.previous')}
          disabled={index <= 0}
          onClick={() => go(months[index - 1])}
          data-testid="month-previous"
        />
        <strong data-testid="attendance-month">{month}</strong>
        <Button
          icon={<RightOutlined />}
          aria-label={t('mobile.attendance.next')}
          disabled={index >= months.length - 1}
          onClick={() => go(months[index + 1])}
          data-testid="month-next"
        />
      </div>
      {attendance.isPending ? (
        <PageLoading />
      ) : attendance.error ? (
        <LoadFailed error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : (
        <>
          <Counts data={attendance.data} />
          <Calendar month={month} data={attendance.data} />
        </>
      )}
    </>
  );
}

export default function AttendancePage() {
  const { t } = useTranslation();
  return (
    <MobileScreen title={t('mobile.attendance.title')} back="/my" testId="attendance-page">
      <RotationGate>{(rotation) => <Month rotation={rotation} />}</RotationGate>
    </MobileScreen>
  );
}
