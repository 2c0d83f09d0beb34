import { describe, expect, it } from 'vitest';
import { asAttendanceState, monthOf, monthsBetween, monthWeeks, pickMonth, weekdayOrder } from './attendanceMonths';

describe('attendance months', () => {
  it('lists the months a rotation spans, across the new year', () => {
    expect(monthsBetween('2026-09-01', '2027-01-31')).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-09-01', '2027-01-20')).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-09-15', '2026-09-20')).toEqual(['2026-09']);
    expect(monthOf('2026-10-12')).toBe('2026-10');
  });

  it('starts on the month asked for, else this month, kept within the rotation', () => {
    const autumn = monthsBetween('2026-09-01', '2027-01-31');
    const today = '2026-12-01';
    expect(pickMonth(autumn, '2026-10', today)).toBe('2026-10');
    expect(pickMonth(autumn, null, today)).toBe('2026-12');
    // a month outside the rotation or malformed is ignored
    expect(pickMonth(autumn, '2025-10', today)).toBe('2026-12');
    expect(pickMonth(autumn, '2026-13', today)).toBe('2026-12');
    // a rotation not begun yet opens on its first month, a finished one on its last
    expect(pickMonth(monthsBetween('2027-02-01', '2027-07-31'), null, today)).toBe('2027-02');
    expect(pickMonth(monthsBetween('2025-09-01', '2026-01-31'), null, today)).toBe('2026-01');
    const months = ['2026-09', '2026-10', '2026-11'];
    expect(pickMonth(months, '2026-11', '2026-10-12')).toBe('2026-11');
    expect(pickMonth(months, '2025-01', '2026-10-12')).toBe('2026-10');
    expect(pickMonth(months, null, '2026-06-01')).toBe('2026-09');
    expect(pickMonth(months, null, '2027-06-01')).toBe('2026-11');
    expect(pickMonth([], null, '2027-06-01')).toBeNull();
  });

  it('lays a month out in weeks starting on Monday, with the server states', () => {
    // 2026-10-01 is a Thursday
    const weeks = monthWeeks('2026-10', 1, [
      { date: '2026-10-01', state: 'no_school', flagged: false },
      { date: '2026-10-09', state: 'present', flagged: true },
      { date: '2026-10-12', state: 'leave', flagged: false },
      { date: '2026-10-13', state: 'strange', flagged: false },
    ]);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0].slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0][3]).toEqual({ date: '2026-10-01', day: 1, state: 'no_school', flagged: false });
    const flat = weeks.flat().filter((c) => c !== null);
    expect(flat).toHaveLength(31);
    expect(flat.find((c) => c.date === '2026-10-09')).toMatchObject({ state: 'present', flagged: true });
    expect(flat.find((c) => c.date === '2026-10-12')?.state).toBe('leave');
    // an unknown state and a day without a report have no state
    expect(flat.find((c) => c.date === '2026-10-13')?.state).toBeUndefined();
    expect(flat.find((c) => c.date === '2026-10-20')?.state).toBeUndefined();
    // the last week is padded: 31 October 2026 is a Saturday
    expect(weeks[weeks.length - 1][5]?.date).toBe('2026-10-31');
    expect(weeks[weeks.length - 1][6]).toBeNull();
  });

  it('starts on Sunday when the locale does', () => {
    const weeks = monthWeeks('2026-11', 0, []);
    // 2026-11-01 is a Sunday
    expect(weeks[0][0]?.date).toBe('2026-11-01');
    expect(weeks.flat().filter((c) => c !== null)).toHaveLength(30);
    // February of a leap year, from Monday: 2028-02-01 is a Tuesday
    const feb = monthWeeks('2028-02', 1, []);
    expect(feb[0][0]).toBeNull();
    expect(feb[0][1]?.date).toBe('2028-02-01');
    expect(feb.flat().filter((c) => c !== null)).toHaveLength(29);
    expect(weekdayOrder(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });

  it('knows only the states the server answers', () => {
    expect(asAttendanceState('leave')).toBe('leave');
    expect(asAttendanceState('bogus')).toBeUndefined();
  });
});
