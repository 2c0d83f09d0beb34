import { describe, expect, it } from 'vitest';
import { centsText, formatPoints, hasAtMostTwoDecimals, pairName, pointsParam, sumPoints, targetUse, toCents } from './points';

describe('points', () => {
  it('reads decimal strings and numbers in hundredths', () => {
    expect(toCents('12.50')).toBe(1250);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents('')).toBeNull();
    expect(toCents(null)).toBeNull();
    expect(toCents('abc')).toBeNull();
  });

  it('shows points short, without trailing zeros', () => {
    expect(formatPoints('60.00')).toBe('60');
    expect(formatPoints('12.50')).toBe('12.5');
    expect(formatPoints('12.25')).toBe('12.25');
    expect(formatPoints('0.05')).toBe('0.05');
    expect(formatPoints(null)).toBe('—');
    expect(centsText(-150)).toBe('-1.5');
  });

  it('adds without floating-point drift; blanks count nothing', () => {
    expect(sumPoints(['10.00', '15.00', '25.00', '20.00', '15.00', '15.00'])).toBe('100');
    expect(sumPoints([0.1, 0.2, null, undefined, ''])).toBe('0.3');
    expect(sumPoints([])).toBe('0');
  });

  it('sends an input number as a decimal string of at most two places', () => {
    expect(pointsParam(7.5)).toBe('7.5');
    expect(pointsParam(10)).toBe('10');
    expect(pointsParam(0.1 + 0.2)).toBe('0.3');
    expect(hasAtMostTwoDecimals(7.25)).toBe(true);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostTwoDecimals(7.125)).toBe(false);
  });

  it('names a pair supporting → receiving', () => {
    expect(pairName({ supporting_school_name: '一中', receiving_school_name: '乡中' })).toBe('一中 → 乡中');
  });

  it('knows which sources take a target', () => {
    expect(targetUse('rotations')).toBe('required');
    expect(targetUse('activities')).toBe('required');
    expect(targetUse('goals')).toBe('optional');
    expect(targetUse('meetings')).toBe('none');
    expect(targetUse('manual')).toBe('none');
  });
});
