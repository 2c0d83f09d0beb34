// Pure rules of the teacher's screens: which rotation is "mine now" and what today looks like (the
// month calendar of attendance is src/lib/attendanceMonths.ts, shared with the staff pages).
import type { AttendanceDay, CheckIn, Rotation } from '../api/types';
import { asAttendanceState } from '../lib/attendanceMonths';
import type { QueuedCheckin } from './queue';

export type Focus = 'active' | 'upcoming' | 'past';

/**
 * The rotation the home shows: the active one; else the next approved or planned one; else the
 * latest completed one (to see its attendance, log and evaluation). Withdrawn ones never.
 */
export function pickRotation(
  rotations: readonly Rotation[],
  today: string,
): { rotation: Rotation; focus: Focus } | null {
  const byStartDesc = [...rotations].sort((a, b) => b.start_date.localeCompare(a.start_date) || b.id - a.id);
  const active = byStartDesc.find((r) => r.status === 'active');
  if (active) return { rotation: active, focus: 'active' };
  const upcoming = byStartDesc
    .filter((r) => (r.status === 'approved' || r.status === 'planned') && r.end_date >= today)
    // the soonest first; an approved one before a merely planned one starting the same day
    .sort((a, b) => a.start_date.localeCompare(b.start_date) || (a.status === 'approved' ? -1 : 1) - (b.status === 'approved' ? -1 : 1))[0];
  if (upcoming) return { rotation: upcoming, focus: 'upcoming' };
  const past = [...rotations]
    .filter((r) => r.status === 'completed')
    .sort((a, b) => b.end_date.localeCompare(a.end_date) || b.id - a.id)[0];
  return past ? { rotation: past, focus: 'past' } : null;
}

export type TodayStatus =
  | { kind: 'checked_in'; checkin: CheckIn }
  | { kind: 'queued'; queued: QueuedCheckin }
  | { kind: 'leave' }
  | { kind: 'no_school' }
  | { kind: 'not_yet' }
  /** Still fetching what today looks like (no button yet: it could be a second check-in). */
  | { kind: 'loading' }
  /** The rotation is not running (planned, approved, completed) or today is outside its dates. */
  | { kind: 'not_running' };

/** Today's line on the home: checked in (at what time), queued, on leave, no school, or not yet. */
export function todayStatus(input: {
  rotation: Pick<Rotation, 'status' | 'start_date' | 'end_date'>;
  today: string;
  checkins: readonly CheckIn[] | undefined;
  queued: QueuedCheckin | undefined;
  day: AttendanceDay | undefined;
  /** The check-ins or today's attendance are being fetched (not when the fetch waits for a network). */
  loading?: boolean;
}): TodayStatus {
  const { rotation, today } = input;
  const checkin = input.checkins?.find((c) => c.date === today);
  if (checkin) return { kind: 'checked_in', checkin };
  if (input.queued) return { kind: 'queued', queued: input.queued };
  if (input.loading) return { kind: 'loading' };
  if (rotation.status !== 'active' || today < rotation.start_date || today > rotation.end_date) return { kind: 'not_running' };
  const state = input.day ? asAttendanceState(input.day.state) : null;
  if (state === 'present') return { kind: 'not_yet' }; // the list of check-ins is older than the attendance: refetching
  if (state === 'leave') return { kind: 'leave' };
  if (state === 'no_school') return { kind: 'no_school' };
  return { kind: 'not_yet' };
}

/** Whole days between two YYYY-MM-DD dates, both counted (a leave of 2026-10-12..13 is 2 days). */
export function daysInclusive(start: string, end: string): number {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return 0;
  return Math.round((b - a) / 86_400_000) + 1;
}
