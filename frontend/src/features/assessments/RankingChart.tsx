// The ranking's chart: the dashboard's lazily loaded ECharts wrapper, plus the mark line (the pass mark)
// the dashboard does not use. Loaded lazily by the ranking tab, so ECharts stays out of the page chunk.
import { use } from 'echarts/core';
import { MarkLineComponent } from 'echarts/components';
import Chart, { type ChartProps } from '../dashboard/Chart';

use([MarkLineComponent]);

export default function RankingChart(props: ChartProps) {
  return <Chart {...props} />;
}
