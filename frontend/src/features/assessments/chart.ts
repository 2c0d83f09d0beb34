// Pure: the ranking as an ECharts option — one horizontal bar per pair (rank 1 on top), red below the
// pass mark, a dashed line at the pass mark. No ECharts code is imported here (types only), so it is
// unit-tested in Node and the page chunk stays free of the chart library.
import type { AssessmentRow } from '../../api/types';
import type { ChartOption } from '../dashboard/chartTypes';
import { pairName, toCents } from './points';

export const RANKING_COLORS = { pass: '#1677ff', below: '#ff4d4f', line: '#cf1322' } as const;

export interface RankingLabels {
  /** "合格线 60". */
  passMark: string;
  /** The series' name in the tooltip ("总分"). */
  total: string;
}

export function rankingHeight(pairs: number): number {
  return Math.min(900, Math.max(200, 56 + pairs * 32));
}

const points = (v: string): number => (toCents(v) ?? 0) / 100;

export function rankingOption(
  rows: readonly AssessmentRow[],
  passThreshold: string,
  maxTotal: string,
  l: RankingLabels,
  narrow: boolean,
): ChartOption {
  const threshold = points(passThreshold);
  return {
    // the default tooltip (the pair as the axis names it, the total) escapes the school names itself
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: narrow ? 28 : 44, top: 24, bottom: 8 },
    xAxis: { type: 'value', min: 0, max: Math.max(points(maxTotal), threshold) || undefined },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => `${r.rank}. ${pairName(r)}`),
      axisLabel: { width: narrow ? 110 : 260, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: l.total,
        barMaxWidth: 16,
        cursor: 'default',
        label: { show: true, position: 'right' },
        data: rows.map((r) => ({
          value: points(r.total),
          itemStyle: { color: r.below_threshold ? RANKING_COLORS.below : RANKING_COLORS.pass, opacity: r.complete ? 1 : 0.45 },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: RANKING_COLORS.line, type: 'dashed' },
          label: { formatter: l.passMark, position: 'start' },
          data: [{ xAxis: threshold }],
        },
      },
    ],
  };
}
