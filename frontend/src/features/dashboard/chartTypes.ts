// The option type of the dashboard's charts: only the chart kinds and components Chart.tsx registers.
// Types only: importing this never pulls ECharts' code into a chunk.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, GraphSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GraphSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DatasetComponentOption
>;

/** What a click on a chart element tells: which data item (a bar, a node, an edge). */
export interface ChartClick {
  componentType?: string;
  seriesIndex?: number;
  dataIndex: number;
  /** For graphs: "node" or "edge". */
  dataType?: string;
}
