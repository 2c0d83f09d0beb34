// The month calendar of a rotation's attendance, shared by the staff's attendance tab and the
// teacher's phone screen: the months a rotation spans, the one to open, and a month laid out in weeks
// with the day states the server reported. Pure and free of date libraries (the phone screens load
// it too); days are YYYY-MM-DD strings, months YYYY-MM.
import { ATTENDANCE_STATES, type AttendanceDay, type AttendanceState } from '../api/types';
import { oneOf } from './listState';

export function asAttendanceState(v: string): AttendanceState | undefined {
  return oneOf(ATTENDANCE_STATES, v);
}

/** "2026-10" of a YYYY-MM-DD day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every month from the start day's to the end day's, in order: 2026-09-01..2027-01-20 → 2026-09 … 2027-01. */
export function monthsBetween(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = monthOf(start).split('-').map(Number);
  const last = monthOf(end);
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

export interface MonthCell {
  date: string;
  day: number;
  /** Undefined for a day outside the rotation (the server reports no state for it) or an unknown state. */
  state?: AttendanceState;
  flagged: boolean;
}

/**
 * A month as weeks of seven cells (null pads the first and last week), each day with the state the
 * server reported. `weekStart` is 0 for Sunday, 1 for Monday.
 */
export function monthWeeks(month: string, weekStart: number, days: readonly AttendanceDay[]): (MonthCell | null)[][] {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() - weekStart + 7) % 7;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const cells: (MonthCell | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= count; day++) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    const known = byDate.get(date);
    cells.push({ date, day, state: known ? asAttendanceState(known.state) : undefined, flagged: known?.flagged ?? false });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (MonthCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The weekday numbers (0 = Sunday) of the grid's columns. */
export function weekdayOrder(weekStart: number): number[] {
  return Array.from({ length: 7 }, (_, i) => (weekStart + i) % 7);
}
