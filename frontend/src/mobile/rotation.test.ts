import { describe, expect, it } from 'vitest';
import type { CheckIn, Rotation, RotationStatus } from '../api/types';
import { makeQueued } from './queue';
import { daysInclusive, pickRotation, todayStatus } from './rotation';

function rotation(id: number, status: RotationStatus, start_date: string, end_date: string): Rotation {
  return {
    id,
    status,
    start_date,
    end_date,
    teacher_id: 1,
    teacher_name: '张老师',
    from_school_id: 2,
    from_school_name: '云溪县实验小学',
    to_school_id: 5,
    to_school_name: '梓园小学',
    agreement_id: null,
    direction: 'dispatch',
    kind: 'teaching',
    subjects: ['数学'],
    weekly_periods: 12,
    personnel_moved: false,
    living_allowance_yuan: '0',
    transport_allowance_yuan: '0',
    withdraw_reason: '',
    allowed_actions: [],
    next_actor: null,
    version: 1,
    created_at: '2026-06-01T09:00:00+08:00',
  };
}

const checkin = (date: string): CheckIn => ({
  id: 1,
  rotation_id: 7,
  teacher_id: 1,
  date,
  checked_in_at: `${date}T07:42:00+08:00`,
  note: '',
  distance_m: 120,
  flagged: false,
});

describe('pickRotation', () => {
  const today = '2026-10-12';
  it('prefers the active rotation', () => {
    const picked = pickRotation(
      [rotation(1, 'completed', '2025-09-01', '2026-01-20'), rotation(2, 'active', '2026-09-01', '2027-01-20'), rotation(3, 'approved', '2027-02-20', '2027-07-10')],
      today,
    );
    expect(picked).toMatchObject({ focus: 'active', rotation: { id: 2 } });
  });

  it('else the next approved or planned one, the soonest first', () => {
    const picked = pickRotation(
      [rotation(3, 'planned', '2027-09-01', '2028-01-20'), rotation(4, 'approved', '2027-02-20', '2027-07-10'), rotation(5, 'withdrawn', '2026-11-01', '2027-01-20')],
      today,
    );
    expect(picked).toMatchObject({ focus: 'upcoming', rotation: { id: 4 } });
  });

  it('else the latest completed one; none when there is nothing to show', () => {
    const picked = pickRotation([rotation(1, 'completed', '2024-09-01', '2025-01-20'), rotation(2, 'completed', '2025-09-01', '2026-01-20')], today);
    expect(picked).toMatchObject({ focus: 'past', rotation: { id: 2 } });
    expect(pickRotation([rotation(5, 'withdrawn', '2026-09-01', '2027-01-20')], today)).toBeNull();
    expect(pickRotation([], today)).toBeNull();
  });
});

describe('todayStatus', () => {
  const active = rotation(7, 'active', '2026-09-01', '2027-01-20');
  const today = '2026-10-12';
  const base = { rotation: active, today, checkins: [] as CheckIn[], queued: undefined, day: undefined };

  it('checked in today (with the record, for its time)', () => {
    const status = todayStatus({ ...base, checkins: [checkin('2026-10-09'), checkin(today)] });
    expect(status).toEqual({ kind: 'checked_in', checkin: checkin(today) });
  });

  it('queued while offline', () => {
    const queued = makeQueued(7, `${today}T07:42:00+08:00`, today, null);
    expect(todayStatus({ ...base, queued })).toEqual({ kind: 'queued', queued });
  });

  it('on leave, no school, or not yet from the day state', () => {
    expect(todayStatus({ ...base, day: { date: today, state: 'leave', flagged: false } }).kind).toBe('leave');
    expect(todayStatus({ ...base, day: { date: today, state: 'no_school', flagged: false } }).kind).toBe('no_school');
    expect(todayStatus({ ...base, day: { date: today, state: 'pending', flagged: false } }).kind).toBe('not_yet');
    expect(todayStatus(base).kind).toBe('not_yet');
  });

  it('waits while loading, unless something is known already', () => {
    expect(todayStatus({ ...base, checkins: undefined, loading: true }).kind).toBe('loading');
    expect(todayStatus({ ...base, checkins: [checkin(today)], loading: true }).kind).toBe('checked_in');
    const queued = makeQueued(7, `${today}T07:42:00+08:00`, today, null);
    expect(todayStatus({ ...base, queued, loading: true }).kind).toBe('queued');
  });

  it('not running before the rotation is active or outside its dates', () => {
    expect(todayStatus({ ...base, rotation: rotation(7, 'approved', '2026-09-01', '2027-01-20') }).kind).toBe('not_running');
    expect(todayStatus({ ...base, today: '2027-02-01' }).kind).toBe('not_running');
  });
});

describe('leave days', () => {
  it('counts leave days with both ends', () => {
    expect(daysInclusive('2026-10-12', '2026-10-13')).toBe(2);
    expect(daysInclusive('2026-10-12', '2026-10-12')).toBe(1);
    expect(daysInclusive('2026-10-13', '2026-10-12')).toBe(0);
  });
});
