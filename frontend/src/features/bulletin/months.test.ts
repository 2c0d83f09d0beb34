import { describe, expect, it } from 'vitest';
import { defaultMonth, isMonth, latestMonth, monthAt, monthTitle, pickMonth, shiftMonth } from './months';

describe('the month a bulletin shows', () => {
  it('reads "now" in the schools\' time zone, not the browser\'s', () => {
    // 17:00 UTC on 30 November is already 01:00 on 1 December in Beijing
    const lateEvening = new Date('2026-11-30T17:00:00Z');
    expect(monthAt(lateEvening)).toBe('2026-12');
    expect(monthAt(lateEvening, 'UTC')).toBe('2026-11');
    expect(monthAt(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
  });

  it('opens last month by default, across the turn of the year', () => {
    expect(defaultMonth(new Date('2026-12-01T08:00:00Z'))).toBe('2026-11');
    expect(defaultMonth(new Date('2027-01-15T08:00:00Z'))).toBe('2026-12');
    // New Year's Eve in London is New Year's Day in Beijing: December's bulletin
    expect(defaultMonth(new Date('2026-12-31T20:00:00Z'))).toBe('2026-12');
  });

  it('shifts months both ways', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-10', 0)).toBe('2026-10');
    expect(shiftMonth('2026-10', -22)).toBe('2024-12');
  });

  it('takes the month from the URL when it is a real month not after the current one', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(latestMonth(now)).toBe('2026-12');
    expect(pickMonth('2026-10', now)).toBe('2026-10');
    expect(pickMonth('2026-12', now)).toBe('2026-12');
    expect(pickMonth('2019-03', now)).toBe('2019-03');
    for (const bad of [null, undefined, '', '2026-13', '2026-00', '2026-1', '202610', '2026-10-01', '2027-01']) {
      expect(pickMonth(bad, now)).toBe('2026-11');
    }
  });

  it('knows a month when it sees one', () => {
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-10 ')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it('titles the month the way each language writes it', () => {
    expect(monthTitle('2026-10', 'zh-CN')).toBe('2026年10月');
    expect(monthTitle('2026-01', 'zh-CN')).toBe('2026年1月');
    expect(monthTitle('2026-10', 'en')).toBe('October 2026');
    expect(monthTitle('nonsense', 'en')).toBe('nonsense');
  });
});
