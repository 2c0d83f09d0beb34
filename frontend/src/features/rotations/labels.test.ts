import { describe, expect, it } from 'vitest';
import {
  agreementsBetween,
  directionFor,
  knownLeaveActions,
  knownRotationActions,
  nextTerm,
  ratePercent,
  rotationActionNeedsReason,
  runInTurn,
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

describe('attendance rate', () => {
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
