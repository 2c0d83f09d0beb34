import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, perCriterion, sameWeights, weightsTotal, weightsValid } from './weights';

describe('evaluation weights', () => {
  it('must be whole points adding up to 100', () => {
    const defaults = DEFAULT_WEIGHTS;
    expect(defaults).toEqual({ attitude: 20, attendance: 20, teaching: 30, results: 20, contribution: 10 });
    expect(weightsTotal(defaults)).toBe(100);
    expect(weightsValid(defaults)).toBe(true);
    expect(weightsValid({ ...defaults, contribution: 11 })).toBe(false);
    expect(weightsTotal({ ...defaults, contribution: null })).toBe(90);
    expect(weightsValid({ ...defaults, contribution: null, teaching: 40 })).toBe(false);
    expect(weightsValid({ ...defaults, teaching: 29.5, contribution: 10.5 })).toBe(false);
    expect(weightsValid({ attitude: 100, attendance: 0, teaching: 0, results: 0, contribution: 0 })).toBe(true);
    expect(weightsValid(null)).toBe(false);
  });

  it('compare by value', () => {
    const a = { attitude: 20, attendance: 20, teaching: 30, results: 20, contribution: 10 };
    expect(sameWeights(a, { ...a })).toBe(true);
    expect(sameWeights(a, { ...a, teaching: 25, results: 25 })).toBe(false);
  });

  it('fill the empty criteria of a form with 0 and keep nothing else', () => {
    const form = { attitude: 18, attendance: null, teaching: 27, results: undefined, contribution: 9, comments: 'x' };
    expect(perCriterion(form)).toEqual({ attitude: 18, attendance: 0, teaching: 27, results: 0, contribution: 9 });
  });
});
