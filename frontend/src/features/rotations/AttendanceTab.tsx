// A rotation's attendance by month: the counts, the flagged days, and a month grid of day states
// (as the server computed them from check-ins, approved leave, weekends and the bureau's calendar).
import { Alert, Button, Col, DatePicker, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import { FlagFilled, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Rotation } from '../../api/types';
import { ATTENDANCE_STATES } from '../../api/types';
import { LoadError } from '../../components/Results';
import { monthsBetween, monthWeeks, pickMonth, weekdayOrder } from '../../lib/attendanceMonths';
import { ATTENDANCE_HEX, ratePercent } from './labels';
import { useAttendance } from './queries';
import './rotations.css';

export function AttendanceTab({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const months = monthsBetween(rotation.start_date, rotation.end_date);
  const month = pickMonth(months, sp.get('month'), today) ?? months[0];
  const index = months.indexOf(month);
  const query = useAttendance(rotation.id, month);
  const weekStart = dayjs().startOf('week').day();

  const show = (m: string) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('month', m);
        return next;
      },
      { replace: true },
    );

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  // while another month loads, the previous one's answer is not shown as this month's
  const a = query.data?.month === month ? query.data : undefined;
  const rate = ratePercent(a?.attendance_rate);
  const weeks = monthWeeks(month, weekStart, a?.days ?? []);
  const counts = [
    { key: 'expected', label: t('rotation.attendance.expected'), value: a?.expected_days },
    { key: 'present', label: t('rotation.attendance.present'), value: a?.present_days },
    { key: 'leave', label: t('rotation.attendance.leave'), value: a?.leave_days },
    { key: 'absent', label: t('rotation.attendance.absent'), value: a?.absent_days },
    { key: 'flagged', label: t('rotation.attendance.flagged'), value: a?.flagged_days },
  ] as const;

  return (
    <div data-testid="attendance-tab" data-month={month} data-loading={query.isFetching}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('rotation.attendance.prevMonth')}
          disabled={index <= 0}
          onClick={() => show(months[index - 1])}
          data-testid="month-prev"
        />
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => !months.includes(d.format('YYYY-MM'))}
          onChange={(d) => d && show(d.format('YYYY-MM'))}
          aria-label={t('rotation.attendance.month')}
          data-testid="month-picker"
          style={{ width: 130 }}
        />
        <Button
          icon={<RightOutlined />}
          aria-label={t('rotation.attendance.nextMonth')}
          disabled={index < 0 || index >= months.length - 1}
          onClick={() => show(months[index + 1])}
          data-testid="month-next"
        />
      </Space>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="attendance-counts">
        {counts.map((c) => (
          <Col key={c.key} xs={8} sm={8} md={4}>
            <Statistic title={c.label} value={c.value ?? '—'} data-testid={`count-${c.key}`} />
          </Col>
        ))}
        <Col xs={8} sm={8} md={4}>
          <Statistic title={t('rotation.attendance.rate')} value={rate ?? '—'} suffix={rate === null ? undefined : '%'} data-testid="count-rate" />
        </Col>
      </Row>
      {(a?.flagged_days ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rotation.attendance.flaggedAlert', { count: a?.flagged_days ?? 0 })}
          data-testid="attendance-flagged"
        />
      )}
      <div className="attendance-grid" role="grid" aria-label={t('rotation.attendance.grid', { month })} data-testid="attendance-grid">
        {weekdayOrder(weekStart).map((d) => (
          <div key={`wd-${d}`} className="weekday" role="columnheader">
            {dayjs().day(d).format('dd')}
          </div>
        ))}
        {weeks.flat().map((cell, i) =>
          cell === null ? (
            <div key={`pad-${i}`} aria-hidden />
          ) : (
            <Tooltip
              key={cell.date}
              title={`${cell.date} ${cell.state ? t(`enum.attendanceState.${cell.state}`) : ''}${cell.flagged ? ` · ${t('rotation.attendance.flaggedDay')}` : ''}`}
            >
              <div
                role="gridcell"
                className={`attendance-day${cell.state ? '' : ' outside'}${cell.date === today ? ' today' : ''}`}
                style={cell.state ? { background: ATTENDANCE_HEX[cell.state] } : undefined}
                data-testid="attendance-day"
                data-date={cell.date}
                data-state={cell.state ?? 'outside'}
                data-flagged={cell.flagged}
              >
                {cell.day}
                {cell.flagged && <FlagFilled className="flag" aria-label={t('rotation.attendance.flaggedDay')} />}
              </div>
            </Tooltip>
          ),
        )}
      </div>
      <Space size={[12, 4]} wrap style={{ marginTop: 12 }} data-testid="attendance-legend" aria-label={t('rotation.attendance.legend')}>
        {ATTENDANCE_STATES.map((s) => (
          <Typography.Text key={s} style={{ fontSize: 12 }}>
            <span className="attendance-swatch" style={{ background: ATTENDANCE_HEX[s] }} />
            {t(`enum.attendanceState.${s}`)}
          </Typography.Text>
        ))}
        <Typography.Text style={{ fontSize: 12 }}>
          <FlagFilled style={{ color: '#d4380d', marginInlineEnd: 4 }} />
          {t('rotation.attendance.flaggedDay')}
        </Typography.Text>
      </Space>
    </div>
  );
}
