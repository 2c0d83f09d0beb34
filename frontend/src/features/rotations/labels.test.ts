import { describe, expect, it } from 'vitest';
import {
  agreementsBetween,
  directionFor,
  knownLeaveActions,
  knownRotationActions,
  nextTerm,
  monthGrid,
  pickMonth,
  ratePercent,
  rotationActionNeedsReason,
  rotationMonths,
  runInTurn,
  weekdayOrder,
} from './labels';

describe('allowed actions', () => {
  it('keeps the known steps in lifecycle order and drops unknown ones', () => {
    expect(knownRotationActions(['withdraw', 'evaluate', 'approve'])).toEqual(['approve', 'withdraw']);
    expect(knownRotationActions([])).toEqual([]);
    expect(knownLeaveActions(['reject', 'approve', 'edit'])).toEqual(['approve', 'reject']);
  });

  it('only withdrawing needs a reason', () => {
    expect(rotationActionNeedsReason('withdraw')).toBe(true);
    for (const a of ['approve', 'arrive', 'complete'] as const) expect(rotationActionNeedsReason(a)).toBe(false);
  });
});

describe('attendance months', () => {
  it('lists the months a rotation spans, across the new year', () => {
    expect(rotationMonths('2026-09-01', '2027-01-31')).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    expect(rotationMonths('2026-09-15', '2026-09-20')).toEqual(['2026-09']);
  });

  it('starts on the month asked for, else this month, kept within the rotation', () => {
    const today = new Date(2026, 11, 1); // 2026-12-01
    expect(pickMonth('2026-10', '2026-09-01', '2027-01-31', today)).toBe('2026-10');
    expect(pickMonth(null, '2026-09-01', '2027-01-31', today)).toBe('2026-12');
    // a month outside the rotation or malformed is ignored
    expect(pickMonth('2025-10', '2026-09-01', '2027-01-31', today)).toBe('2026-12');
    expect(pickMonth('2026-13', '2026-09-01', '2027-01-31', today)).toBe('2026-12');
    // a rotation not begun yet opens on its first month, a finished one on its last
    expect(pickMonth(null, '2027-02-01', '2027-07-31', today)).toBe('2027-02');
    expect(pickMonth(null, '2025-09-01', '2026-01-31', today)).toBe('2026-01');
  });

  it('lays a month out in weeks starting on Monday, with the server states', () => {
    // 2026-10-01 is a Thursday
    const weeks = monthGrid('2026-10', 1, [
      { date: '2026-10-01', state: 'no_school', flagged: false },
      { date: '2026-10-09', state: 'present', flagged: true },
      { date: '2026-10-12', state: 'leave', flagged: false },
      { date: '2026-10-13', state: 'strange', flagged: false },
    ]);
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
    const weeks = monthGrid('2026-11', 0, []);
    // 2026-11-01 is a Sunday
    expect(weeks[0][0]?.date).toBe('2026-11-01');
    expect(weekdayOrder(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });

  it('shows the rate as a percentage, nothing before the first school day', () => {
    expect(ratePercent(0.9534)).toBe(95.3);
    expect(ratePercent(1)).toBe(100);
    expect(ratePercent(null)).toBeNull();
  });
});

describe('agreements of a proposal', () => {
  const agreements = [
    { id: 1, supporting_school_id: 3, receiving_school_id: 4 },
    { id: 2, supporting_school_id: 3, receiving_school_id: 7 },
    { id: 3, supporting_school_id: 9, receiving_school_id: 3 },
  ];

  it('offers only the agreements between the two schools, either way round', () => {
    expect(agreementsBetween(agreements, 3, 4).map((a) => a.id)).toEqual([1]);
    expect(agreementsBetween(agreements, 4, 3).map((a) => a.id)).toEqual([1]);
    expect(agreementsBetween(agreements, 3, 9).map((a) => a.id)).toEqual([3]);
    expect(agreementsBetween(agreements, 3, undefined)).toEqual([]);
    expect(agreementsBetween(agreements, 3, 3)).toEqual([]);
  });

  it('the supporting school dispatches, the receiving school sends teachers to train', () => {
    expect(directionFor(agreements[0], 3)).toBe('dispatch');
    expect(directionFor(agreements[0], 4)).toBe('training');
    expect(directionFor(agreements[0], 8)).toBeNull();
  });
});

describe('runInTurn', () => {
  it('runs every item in order, keeps going after a failure and reports progress', async () => {
    const seen: number[] = [];
    const progress: string[] = [];
    const out = await runInTurn(
      [1, 2, 3],
      async (n) => {
        seen.push(n);
        if (n === 2) throw new Error('stale');
      },
      (e) => (e instanceof Error ? e.message : 'unknown'),
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(out).toEqual([
      { item: 1, ok: true },
      { item: 2, ok: false, error: 'stale' },
      { item: 3, ok: true },
    ]);
  });

  it('one at a time: the next starts after the previous has finished', async () => {
    let running = 0;
    let most = 0;
    await runInTurn(
      ['a', 'b', 'c'],
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
      },
      () => '',
    );
    expect(most).toBe(1);
  });
});

describe('nextTerm', () => {
  it('proposes the spring term during the autumn term, else the next autumn term', () => {
    expect(nextTerm(new Date(2026, 11, 1))).toEqual({ term: 'spring', schoolYear: 2026 });
    expect(nextTerm(new Date(2026, 8, 1))).toEqual({ term: 'spring', schoolYear: 2026 });
    expect(nextTerm(new Date(2027, 0, 20))).toEqual({ term: 'spring', schoolYear: 2026 });
    expect(nextTerm(new Date(2027, 1, 1))).toEqual({ term: 'autumn', schoolYear: 2027 });
    expect(nextTerm(new Date(2027, 7, 31))).toEqual({ term: 'autumn', schoolYear: 2027 });
  });
});
