import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, orEmpty } from './format';

describe('format', () => {
  it('shows dates as YYYY-MM-DD', () => {
    expect(formatDate('2026-09-01')).toBe('2026-09-01');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
  it('shows times without seconds', () => {
    expect(formatDateTime('2026-09-01T08:05:09')).toBe('2026-09-01 08:05');
    expect(formatDateTime(undefined)).toBe('—');
  });
  it('fills blanks', () => {
    expect(orEmpty('')).toBe('—');
    expect(orEmpty(0)).toBe('0');
  });
});
