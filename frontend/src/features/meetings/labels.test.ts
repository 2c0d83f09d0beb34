import { describe, expect, it } from 'vitest';
import { COMPLIANCE_STATUSES, MEETING_STATUSES, MINUTES_STATUSES } from '../../api/types';
import {
  byComplianceSeverity,
  COMPLIANCE_COLOR,
  COMPLIANCE_HEX,
  groupByDay,
  isAfterToday,
  knownMinutesActions,
  MEETING_STATUS_COLOR,
  MEETING_STATUS_HEX,
  meetingDay,
  MINUTES_STATUS_COLOR,
  monthGridRange,
  parseMonth,
  ratePercent,
  yearRange,
} from './labels';

describe('meeting colours', () => {
  it('every status has a colour: planned blue, held green, cancelled grey', () => {
    for (const s of MEETING_STATUSES) {
      expect(MEETING_STATUS_COLOR[s]).toBeTruthy();
      expect(MEETING_STATUS_HEX[s]).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(MEETING_STATUS_COLOR.planned).toBe('processing');
    expect(MEETING_STATUS_COLOR.held).toBe('success');
    expect(MEETING_STATUS_COLOR.cancelled).toBe('default');
    for (const s of MINUTES_STATUSES) expect(MINUTES_STATUS_COLOR[s]).toBeTruthy();
    expect(MINUTES_STATUS_COLOR.final).toBe('success');
  });

  it('compliance is red / amber / green', () => {
    for (const s of COMPLIANCE_STATUSES) expect(COMPLIANCE_HEX[s]).toMatch(/^#[0-9a-f]{6}$/);
    expect(COMPLIANCE_COLOR).toEqual({ compliant: 'success', at_risk: 'warning', non_compliant: 'error' });
  });

  it('orders pairs worst first, then by title', () => {
    const rows = [
      { status: 'compliant' as const, title: 'B' },
      { status: 'non_compliant' as const, title: 'Z' },
      { status: 'at_risk' as const, title: 'C' },
      { status: 'compliant' as const, title: 'A' },
    ];
    expect([...rows].sort(byComplianceSeverity).map((r) => r.title)).toEqual(['Z', 'C', 'A', 'B']);
  });

  it('shows the rate as a percentage', () => {
    expect(ratePercent(0.75)).toBe(75);
    expect(ratePercent(2 / 3)).toBe(66.7);
    expect(ratePercent(0)).toBe(0);
    expect(ratePercent(1)).toBe(100);
  });
});

describe('minutes actions', () => {
  it('keeps only known steps from the server, in a stable order', () => {
    expect(knownMinutesActions(['return_minutes', 'confirm_minutes', 'fly'])).toEqual(['confirm_minutes', 'return_minutes']);
    expect(knownMinutesActions([])).toEqual([]);
    expect(knownMinutesActions(['approve'])).toEqual([]);
  });
});

describe('calendar ranges', () => {
  it('covers the six weeks a month calendar shows, Monday first', () => {
    // November 2026 starts on a Sunday: the grid starts on Monday 26 October
    expect(monthGridRange(2026, 10, 1)).toEqual({ from: '2026-10-26', to: '2026-12-06' });
    // February 2027 starts on a Monday
    expect(monthGridRange(2027, 1, 1)).toEqual({ from: '2027-02-01', to: '2027-03-14' });
  });

  it('covers the six weeks, Sunday first', () => {
    expect(monthGridRange(2026, 10, 0)).toEqual({ from: '2026-11-01', to: '2026-12-12' });
    // across the year end
    expect(monthGridRange(2027, 0, 0)).toEqual({ from: '2026-12-27', to: '2027-02-06' });
  });

  it('always spans 42 days and holds the whole month', () => {
    for (let m = 0; m < 12; m += 1) {
      for (const ws of [0, 1]) {
        const { from, to } = monthGridRange(2028, m, ws);
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        expect(days).toBe(41);
        const first = `2028-${String(m + 1).padStart(2, '0')}-01`;
        expect(from <= first).toBe(true);
        expect(new Date(`${from}T00:00:00`).getDay()).toBe(ws);
      }
    }
  });

  it('covers a calendar year', () => {
    expect(yearRange(2027)).toEqual({ from: '2027-01-01', to: '2027-12-31' });
  });

  it('reads the month from the URL, else today', () => {
    const today = new Date(2026, 10, 23);
    expect(parseMonth('2027-03', today)).toEqual({ year: 2027, month: 2 });
    expect(parseMonth('2027-13', today)).toEqual({ year: 2026, month: 10 });
    expect(parseMonth('x', today)).toEqual({ year: 2026, month: 10 });
    expect(parseMonth(null, today)).toEqual({ year: 2026, month: 10 });
  });
});

describe('meeting days', () => {
  it('a meeting shows on the day it was held, else on the planned day', () => {
    expect(meetingDay({ held_date: '2026-10-16', scheduled_date: '2026-10-15' })).toBe('2026-10-16');
    expect(meetingDay({ held_date: null, scheduled_date: '2027-03-20' })).toBe('2027-03-20');
  });

  it('groups meetings by day, in order', () => {
    const g = groupByDay([
      { id: 3, held_date: null, scheduled_date: '2026-11-02' },
      { id: 1, held_date: '2026-11-01', scheduled_date: '2026-10-30' },
      { id: 2, held_date: null, scheduled_date: '2026-11-01' },
    ]);
    expect([...g.keys()]).toEqual(['2026-11-01', '2026-11-02']);
    expect(g.get('2026-11-01')?.map((m) => m.id)).toEqual([1, 2]);
  });

  it('a held date may not be after today', () => {
    const today = new Date(2026, 10, 23);
    expect(isAfterToday('2026-11-23', today)).toBe(false);
    expect(isAfterToday('2026-11-22', today)).toBe(false);
    expect(isAfterToday('2026-11-24', today)).toBe(true);
  });
});
