// The one place ECharts is loaded, module by module: the core, the three chart kinds the dashboard
// draws, four components (the plain legend: no scrolling one) and the canvas renderer (no full bundle). The page loads this file lazily,
// so the KPI cards show before the chart library has arrived. The chart follows its container's
// size and is disposed with the component.
import { useEffect, useRef } from 'react';
import { init, use, type ECElementEvent, type EChartsType } from 'echarts/core';
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartClick, ChartOption } from './chartTypes';

use([BarChart, LineChart, GraphChart, GridComponent, TooltipComponent, LegendPlainComponent, DatasetComponent, CanvasRenderer]);

export interface ChartProps {
  option: ChartOption;
  /** Fixed height in pixels; the width is the container's. */
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  testId: string;
  /** A click on a bar, a node or an edge. */
  onItemClick?: (click: ChartClick) => void;
}

function toClick(e: ECElementEvent): ChartClick {
  return { componentType: e.componentType, seriesIndex: e.seriesIndex, dataIndex: e.dataIndex, dataType: e.dataType };
}

export default function Chart({ option, height, label, testId, onItemClick }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const onClick = useRef(onItemClick);

  useEffect(() => {
    onClick.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const node = el.current;
    if (!node) return undefined;
    const instance = init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => onClick.current?.(toClick(e)));
    // follow the container (the sider collapsing, a phone turned sideways), at most once a frame
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!instance.isDisposed()) instance.resize();
      });
    });
    observer.observe(node);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={label}
      data-testid={testId}
      className="dashboard-chart"
      style={{ width: '100%', height }}
    />
  );
}
