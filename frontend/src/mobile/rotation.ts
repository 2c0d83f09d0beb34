// Pure rules of the teacher's screens: which rotation is "mine now", what today looks like, and the
// month calendar of attendance.
import type { QueuedCheckin } from './queue';
import { ATTENDANCE_STATES, type AttendanceDay, type AttendanceState, type CheckIn, type Rotation } from './types';

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

export function asAttendanceState(v: string): AttendanceState | null {
  return (ATTENDANCE_STATES as readonly string[]).includes(v) ? (v as AttendanceState) : null;
}

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

/** "2026-10" of a YYYY-MM-DD day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every month a rotation touches, in order: 2026-09-01..2027-01-20 → 2026-09 … 2027-01. */
export function monthsOf(rotation: Pick<Rotation, 'start_date' | 'end_date'>): string[] {
  const out: string[] = [];
  let [y, m] = monthOf(rotation.start_date).split('-').map(Number);
  const last = monthOf(rotation.end_date);
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The month to show: the wanted one when the rotation has it, else this month, else the nearest end. */
export function pickMonth(months: readonly string[], wanted: string | null, today: string): string | null {
  if (months.length === 0) return null;
  if (wanted && months.includes(wanted)) return wanted;
  const now = monthOf(today);
  if (months.includes(now)) return now;
  return now < months[0] ? months[0] : months[months.length - 1];
}

export interface CalendarCell {
  date: string;
  day: number;
  /** null: the day is outside the rotation (not in the answer). */
  state: AttendanceState | null;
  flagged: boolean;
}

/**
 * The month as weeks from Monday; null cells pad the first and last week. Days the attendance does
 * not list (before the rotation started, after it ends) have no state.
 */
export function calendarWeeks(month: string, days: readonly AttendanceDay[]): (CalendarCell | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const byDate = new Map(days.map((d) => [d.date, d]));
  const cells: (CalendarCell | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= count; day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    const known = byDate.get(date);
    cells.push({ date, day, state: known ? asAttendanceState(known.state) : null, flagged: known?.flagged ?? false });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Whole days between two YYYY-MM-DD dates, both counted (a leave of 2026-10-12..13 is 2 days). */
export function daysInclusive(start: string, end: string): number {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return 0;
  return Math.round((b - a) / 86_400_000) + 1;
}
