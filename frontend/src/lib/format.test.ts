import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatFileSize, formatShare, formatYuan, orEmpty, percentFromShare, shareFromPercent } from './format';

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

describe('money and shares', () => {
  it('formats yuan with thousands and two decimals', () => {
    expect(formatYuan('1358')).toBe('¥1,358.00');
    expect(formatYuan('1358.5')).toBe('¥1,358.50');
    expect(formatYuan('600000.00')).toBe('¥600,000.00');
    expect(formatYuan('1180000')).toBe('¥1,180,000.00');
    expect(formatYuan('0')).toBe('¥0.00');
    expect(formatYuan('12.345')).toBe('¥12.35');
    expect(formatYuan('99.999')).toBe('¥100.00');
    expect(formatYuan(1358)).toBe('¥1,358.00');
    expect(formatYuan('123456789012345678.91')).toBe('¥123,456,789,012,345,678.91');
    expect(formatYuan(null)).toBe('—');
    expect(formatYuan('abc')).toBe('—');
  });
  it('shows shares as percentages and back', () => {
    expect(formatShare('0.10')).toBe('10%');
    expect(formatShare('0.125')).toBe('12.5%');
    expect(formatShare(null)).toBe('—');
    expect(percentFromShare('0.20')).toBe(20);
    expect(percentFromShare('x')).toBeNull();
    expect(shareFromPercent(10)).toBe('0.1');
    expect(shareFromPercent(12.5)).toBe('0.125');
    expect(shareFromPercent(100)).toBe('1');
  });
});

describe('file sizes', () => {
  it('shows KB below a megabyte and MB above', () => {
    expect(formatFileSize(0)).toBe('0.0 KB');
    expect(formatFileSize(20)).toBe('0.1 KB');
    expect(formatFileSize(2048)).toBe('2.0 KB');
    expect(formatFileSize(831_898)).toBe('812.4 KB');
    expect(formatFileSize(1024 * 1024)).toBe('1.0 MB');
    expect(formatFileSize(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatFileSize(null)).toBe('—');
    expect(formatFileSize(-1)).toBe('—');
  });
});
