import { describe, expect, it } from 'vitest';
import { barPercent, shownKinds } from './kinds';

const NONE = {
  lecture: 0,
  demonstration_lesson: 0,
  exchange_lesson: 0,
  lessons_to_countryside: 0,
  joint_research: 0,
  seminar: 0,
  leader_visit: 0,
  student_exchange: 0,
  training_visit: 0,
  other: 0,
};

describe('the activities by kind a bulletin lists', () => {
  it('lists only the kinds that took place', () => {
    expect(shownKinds(NONE)).toEqual([]);
    expect(shownKinds({})).toEqual([]);
    expect(shownKinds({ ...NONE, joint_research: 4, leader_visit: 4 }).map((k) => k.kind)).toEqual(['joint_research', 'leader_visit']);
  });

  it('puts the most frequent first, ties in the usual order of kinds', () => {
    expect(shownKinds({ ...NONE, other: 1, lecture: 2, seminar: 5, demonstration_lesson: 2 })).toEqual([
      { kind: 'seminar', count: 5 },
      { kind: 'lecture', count: 2 },
      { kind: 'demonstration_lesson', count: 2 },
      { kind: 'other', count: 1 },
    ]);
  });

  it('counts a kind it does not know under "other", so the rows add up to the total', () => {
    const rows = shownKinds({ ...NONE, lecture: 1, other: 2, parent_meeting: 3 });
    expect(rows).toEqual([
      { kind: 'other', count: 5 },
      { kind: 'lecture', count: 1 },
    ]);
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(6);
  });

  it('ignores counts that are not positive numbers', () => {
    expect(shownKinds({ lecture: -1, seminar: Number.NaN, other: 0 })).toEqual([]);
  });

  it('draws bars relative to the largest count', () => {
    expect(barPercent(4, 4)).toBe(100);
    expect(barPercent(2, 4)).toBe(50);
    expect(barPercent(1, 1000)).toBe(4);
    expect(barPercent(0, 4)).toBe(0);
    expect(barPercent(3, 0)).toBe(0);
  });
});
