// /my — the dispatched teacher's home: the rotation, today's status with one big check-in button
// (kept on the phone when offline), the evaluation once submitted, and shortcuts to the rest. Its
// buttons and tags are the light ones of controls.tsx: it must load in 200 kB (scripts/budget-lib.mjs).
import { useState, type ReactNode } from 'react';
import {
  CalendarOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { failureMessage } from '../api/problem';
import type { Rotation } from '../api/types';
import { monthOf } from '../lib/attendanceMonths';
import { useFeedback } from '../app/feedback';
import { queueCheckin, useCheckinQueue } from './checkinSync';
import { MButton, MTag } from './controls';
import { locate, type Located } from './geo';
import { applyCheckin, postCheckin, todayIso, useAttendance, useCheckins, useEvaluations } from './queries';
import { classifyFailure, makeQueued, queuedFor } from './queue';
import { todayStatus, type Focus } from './rotation';
import { MobileScreen, Note, periodOf, RotationGate } from './ui';

const LOCATE_TIMEOUT_MS = 8000;

/** "850 m", "1.2 km" */
function distanceText(meters: number): string {
  return meters < 1000 ? `${meters} m` : `${(meters / 1000).toFixed(1)} km`;
}

function RotationCard({ rotation, focus }: { rotation: Rotation; focus: Focus }) {
  const { t } = useTranslation();
  return (
    <section className="m-card" data-testid="my-rotation" aria-label={t('mobile.home.rotation')}>
      <div className="m-row" style={{ justifyContent: 'space-between' }}>
        <span className="m-muted">{focus === 'past' ? t('mobile.home.lastRotation') : t('mobile.home.rotation')}</span>
        <MTag color={rotation.status === 'active' ? 'success' : 'default'} data-testid="rotation-status" data-status={rotation.status}>
          {t(`enum.rotationStatus.${rotation.status}`)}
        </MTag>
      </div>
      <div className="m-school" style={{ marginTop: 6 }}>
        {rotation.to_school_name}
      </div>
      <div className="m-muted">{t('mobile.home.from', { school: rotation.from_school_name })}</div>
      <div style={{ marginTop: 6 }}>{periodOf(rotation)}</div>
      {rotation.subjects.length > 0 && <div className="m-muted">{rotation.subjects.join(t('common.listSeparator'))}</div>}
      {focus === 'upcoming' && (
        <Note testId="rotation-upcoming">{t(rotation.status === 'planned' ? 'mobile.home.plannedHint' : 'mobile.home.approvedHint', { date: rotation.start_date })}</Note>
      )}
    </section>
  );
}

type Phase = 'idle' | 'locating' | 'sending';

function TodayCard({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const qc = useQueryClient();
  const today = todayIso();
  const within = rotation.start_date <= today && today <= rotation.end_date;
  const checkins = useCheckins(rotation.id);
  const attendance = useAttendance(rotation.id, monthOf(today), within);
  const queued = queuedFor(useCheckinQueue(), rotation.id, today);
  const [phase, setPhase] = useState<Phase>('idle');
  const [lastWhere, setLastWhere] = useState<Located | null>(null);

  const status = todayStatus({
    rotation,
    today,
    checkins: checkins.data,
    queued,
    day: attendance.data?.days.find((d) => d.date === today),
    // offline, a fetch waits ("paused") for the network: the button is offered then, the tap is queued
    loading: (checkins.isPending && checkins.fetchStatus === 'fetching') || (attendance.isPending && attendance.fetchStatus === 'fetching'),
  });
  const canTap = status.kind === 'not_yet' || status.kind === 'leave' || status.kind === 'no_school';

  const onCheckIn = async () => {
    if (phase !== 'idle') return;
    const tapped = dayjs();
    setPhase('locating');
    const where = await locate(LOCATE_TIMEOUT_MS);
    setLastWhere(where);
    const coords = where.ok ? { latitude: where.latitude, longitude: where.longitude } : null;
    const keep = () => {
      const ok = queueCheckin(makeQueued(rotation.id, tapped.format(), tapped.format('YYYY-MM-DD'), coords));
      if (!ok) message.error(t('mobile.checkin.storageFailed'));
    };
    try {
      if (!navigator.onLine) {
        keep();
        return;
      }
      setPhase('sending');
      const { record } = await postCheckin(rotation.id, { note: '', ...coords });
      applyCheckin(qc, record);
      message.success(t('mobile.today.checkedIn', { time: dayjs(record.checked_in_at).format('HH:mm') }));
    } catch (e) {
      // no answer, or the server down or busy: keep the tap and send it later; a refusal is shown
      if (classifyFailure(e) === 'retry') keep();
      else message.error(failureMessage(e, t('mobile.checkin.failed'), t('errors.network')));
    } finally {
      setPhase('idle');
    }
  };

  const record = status.kind === 'checked_in' ? status.checkin : null;
  const line = {
    checked_in: record ? t('mobile.today.checkedIn', { time: dayjs(record.checked_in_at).format('HH:mm') }) : '',
    queued: t('mobile.today.queued'),
    leave: t('mobile.today.leave'),
    no_school: t('mobile.today.noSchool'),
    not_yet: t('mobile.today.notYet'),
    not_running: t('mobile.today.notRunning'),
    loading: t('common.loading'),
  }[status.kind];
  return (
    <section className="m-card" aria-label={t('mobile.today.title')} data-testid="today-card">
      <div className="m-muted">
        {t('mobile.today.title')} · {today} {dayjs().format('dddd')}
      </div>
      <div className="m-status" data-testid="today-status" data-state={status.kind} role="status">
        {status.kind === 'checked_in' && <CheckCircleOutlined />} {line}
      </div>
      {status.kind === 'queued' && (
        <Note tone="warning" testId="checkin-queued">
          {t('mobile.checkin.queuedHint', { time: dayjs(status.queued.tappedAt).format('HH:mm') })}
        </Note>
      )}
      {canTap && (
        <MButton
          type="primary"
          className="m-big"
          onClick={() => void onCheckIn()}
          loading={phase !== 'idle'}
          data-testid="checkin-button"
        >
          {phase === 'locating' ? t('mobile.checkin.locating') : phase === 'sending' ? t('mobile.checkin.sending') : t('mobile.checkin.button')}
        </MButton>
      )}
      {record && rotation.status === 'active' && (
        <Link to="/my/log/new" style={{ display: 'block', marginTop: 12 }}>
          <MButton className="m-wide" icon={<EditOutlined />} data-testid="today-write-log">
            {t('mobile.today.writeLog')}
          </MButton>
        </Link>
      )}
      {record?.flagged && (
        <Note tone="warning" testId="checkin-flagged">
          {record.distance_m !== null
            ? t('mobile.checkin.flaggedDistance', { distance: distanceText(record.distance_m) })
            : t('mobile.checkin.flagged')}
        </Note>
      )}
      {lastWhere && !lastWhere.ok && (status.kind === 'checked_in' || status.kind === 'queued') && (
        <Note testId="checkin-no-location">{t(`mobile.checkin.noLocation.${lastWhere.reason}`)}</Note>
      )}
    </section>
  );
}

function EvaluationSummary({ rotationId }: { rotationId: number }) {
  const { t } = useTranslation();
  const evaluations = useEvaluations(rotationId);
  const latest = [...(evaluations.data ?? [])].sort((a, b) => (b.submitted_at ?? '').localeCompare(a.submitted_at ?? ''))[0];
  if (!latest) return null;
  return (
    <Link to="/my/evaluation" className="m-card" data-testid="evaluation-summary" style={{ color: 'inherit', display: 'block' }}>
      <div className="m-muted">{t('mobile.evaluation.title')}</div>
      <div className="m-row" style={{ marginTop: 4 }}>
        <span className="m-score" style={{ fontSize: 32 }}>
          {latest.total}
        </span>
        <MTag color={latest.grade === 'fail' ? 'error' : 'success'}>{t(`enum.evaluationGrade.${latest.grade}`)}</MTag>
      </div>
    </Link>
  );
}

function Shortcut({ to, icon, label, sub, testId }: { to: string; icon: ReactNode; label: string; sub?: string; testId: string }) {
  return (
    <Link to={to} className="m-shortcut" data-testid={testId}>
      {icon}
      <span>{label}</span>
      {sub && <small>{sub}</small>}
    </Link>
  );
}

function Shortcuts({ rotation, focus }: { rotation: Rotation; focus: Focus }) {
  const { t } = useTranslation();
  const today = todayIso();
  const month = useAttendance(rotation.id, monthOf(today), focus === 'active' && rotation.start_date <= today && today <= rotation.end_date);
  const active = rotation.status === 'active';
  const monthSub = month.data && month.data.expected_days > 0 ? t('mobile.home.monthPresent', { present: month.data.present_days, expected: month.data.expected_days }) : undefined;
  return (
    <nav className="m-shortcuts" aria-label={t('mobile.home.shortcuts')}>
      {active && <Shortcut to="/my/log/new" icon={<EditOutlined />} label={t('mobile.log.new')} testId="shortcut-log-new" />}
      {focus !== 'upcoming' && <Shortcut to="/my/logs" icon={<FileTextOutlined />} label={t('mobile.log.list')} testId="shortcut-logs" />}
      {(active || rotation.status === 'approved') && (
        <Shortcut to="/my/leave" icon={<ScheduleOutlined />} label={t('mobile.leave.title')} testId="shortcut-leave" />
      )}
      {focus !== 'upcoming' && (
        <Shortcut to="/my/attendance" icon={<CalendarOutlined />} label={t('mobile.attendance.title')} sub={monthSub} testId="shortcut-attendance" />
      )}
      {focus !== 'upcoming' && (
        <Shortcut to="/my/evaluation" icon={<TrophyOutlined />} label={t('mobile.evaluation.title')} testId="shortcut-evaluation" />
      )}
    </nav>
  );
}

export default function MobileHome() {
  const { t } = useTranslation();
  return (
    <MobileScreen title={t('mobile.home.title')} testId="my-home">
      <RotationGate>
        {(rotation, focus) => (
          <>
            <RotationCard rotation={rotation} focus={focus} />
            {focus === 'active' && <TodayCard rotation={rotation} />}
            {focus !== 'upcoming' && <EvaluationSummary rotationId={rotation.id} />}
            <Shortcuts rotation={rotation} focus={focus} />
          </>
        )}
      </RotationGate>
    </MobileScreen>
  );
}
