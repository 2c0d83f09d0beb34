import { describe, expect, it } from 'vitest';
import { RANKING_COLORS, rankingHeight, rankingOption } from './chart';
import { row } from './testRows';

describe('the ranking chart', () => {
  const rows = [
    row(1, { rank: 1, total: '88.50' }),
    row(2, { rank: 2, total: '55.00', below_threshold: true }),
    row(3, { rank: 3, total: '40.00', below_threshold: true, complete: false }),
  ];
  const labels = { passMark: '合格线 60', total: '总分' };

  it('draws a bar per pair in rank order, red below the pass mark, faint while incomplete', () => {
    const option = rankingOption(rows, '60.00', '100.00', labels, false);
    const yAxis = option.yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual(['1. S1 → R1', '2. S2 → R2', '3. S3 → R3']);
    const series = (option.series as { data: { value: number; itemStyle: { color: string; opacity: number } }[] }[])[0];
    expect(series.data.map((d) => d.value)).toEqual([88.5, 55, 40]);
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([RANKING_COLORS.pass, RANKING_COLORS.below, RANKING_COLORS.below]);
    expect(series.data.map((d) => d.itemStyle.opacity)).toEqual([1, 1, 0.45]);
  });

  it('marks the pass mark with a line and scales to full marks', () => {
    const option = rankingOption(rows, '60.00', '100.00', labels, true);
    const series = (option.series as { markLine: { data: { xAxis: number }[]; label: { formatter: string } } }[])[0];
    expect(series.markLine.data).toEqual([{ xAxis: 60 }]);
    expect(series.markLine.label.formatter).toBe('合格线 60');
    expect((option.xAxis as { max: number }).max).toBe(100);
  });

  it('leaves the tooltip to ECharts (which escapes the names), the series named', () => {
    const option = rankingOption(rows, '60', '100', labels, false);
    expect((option.tooltip as { formatter?: unknown }).formatter).toBeUndefined();
    expect((option.series as { name: string }[])[0].name).toBe('总分');
  });

  it('keeps the pass mark on the axis even above full marks', () => {
    const option = rankingOption(rows, '120', '100', labels, false);
    expect((option.xAxis as { max: number }).max).toBe(120);
  });

  it('grows with the pairs, within bounds', () => {
    expect(rankingHeight(1)).toBe(200);
    expect(rankingHeight(10)).toBe(376);
    expect(rankingHeight(100)).toBe(900);
  });
});
