import { describe, expect, it } from 'vitest';
import type { DashboardSeries, MonthPoint, NetworkNode, PairCompliance } from '../../api/types';
import { ACTIVITY_KINDS } from '../../api/types';
import {
  COLORS,
  complianceHeight,
  complianceOption,
  compliancePairs,
  escapeHtml,
  forceLayout,
  indexOfParams,
  initialPositions,
  kindCounts,
  kindOption,
  kindsAreEmpty,
  layoutBox,
  monthlyIsEmpty,
  monthlyOption,
  networkData,
  networkOption,
  STATUS_COLORS,
  subjectOption,
} from './options';
import { monthLabel } from './figures';

const MONTHLY: MonthPoint[] = [
  { month: '2026-09', activities: 4, checkins: 78 },
  { month: '2026-10', activities: 8, checkins: 70 },
  { month: '2026-11', activities: 0, checkins: 0 },
];

function pair(id: number, status: PairCompliance['status'], title: string, held = 1, required = 2): PairCompliance {
  return {
    agreement_id: id,
    title,
    supporting_school_name: `支援${id}`,
    receiving_school_name: `受援${id}`,
    held_total: held,
    required,
    status,
  };
}

function node(school_id: number, role: string, is_weak = false): NetworkNode {
  return { school_id, name: `学校${school_id}`, role, is_weak };
}

/** The option's series as a list, whatever shape ECharts' type gives it. */
function seriesOf(option: { series?: unknown }): Record<string, unknown>[] {
  const s = option.series;
  return (Array.isArray(s) ? s : [s]) as Record<string, unknown>[];
}

describe('monthly trend', () => {
  const option = monthlyOption(MONTHLY, { activities: '帮扶活动', checkins: '签到', month: (ym) => monthLabel(ym, 'zh-CN') });

  it('puts the months on the axis in the API order (September first), labelled for the reader', () => {
    expect(option.dataset).toEqual({
      dimensions: ['month', 'activities', 'checkins'],
      source: [
        { month: '9月', activities: 4, checkins: 78 },
        { month: '10月', activities: 8, checkins: 70 },
        { month: '11月', activities: 0, checkins: 0 },
      ],
    });
  });

  it('draws two series: activities as bars on the left axis, check-ins as a line on the right one', () => {
    const [a, c] = seriesOf(option);
    expect(a).toMatchObject({ type: 'bar', name: '帮扶活动', yAxisIndex: 0, encode: { x: 'month', y: 'activities' } });
    expect(c).toMatchObject({ type: 'line', name: '签到', yAxisIndex: 1, encode: { x: 'month', y: 'checkins' } });
    expect(option.legend).toMatchObject({ data: ['帮扶活动', '签到'] });
  });

  it('leaves the months still to come undrawn', () => {
    const o = monthlyOption(MONTHLY, { activities: 'a', checkins: 'c', month: (ym) => ym }, '2026-10');
    expect((o.dataset as { source: unknown[] }).source).toEqual([
      { month: '2026-09', activities: 4, checkins: 78 },
      { month: '2026-10', activities: 8, checkins: 70 },
      { month: '2026-11', activities: null, checkins: null },
    ]);
  });

  it('is empty only when nothing happened in any month', () => {
    expect(monthlyIsEmpty(MONTHLY)).toBe(false);
    expect(monthlyIsEmpty(MONTHLY.map((m) => ({ ...m, activities: 0, checkins: 0 })))).toBe(true);
    expect(monthlyIsEmpty([])).toBe(true);
  });

  it('labels months in either language', () => {
    expect(monthLabel('2027-03', 'zh-CN')).toBe('3月');
    expect(monthLabel('2027-03', 'en')).toBe('Mar');
    expect(monthLabel('nonsense', 'en')).toBe('nonsense');
  });
});

describe('rotations by subject', () => {
  it('is one bar per subject in the API order, the labels slanted only on a phone with many subjects', () => {
    const rows = [
      { subject: '语文', rotations: 3 },
      { subject: '数学', rotations: 2 },
    ];
    const option = subjectOption(rows, { rotations: '交流人次' }, false);
    expect(option.dataset).toEqual({ dimensions: ['subject', 'rotations'], source: rows });
    expect(seriesOf(option)[0]).toMatchObject({ type: 'bar', name: '交流人次', encode: { x: 'subject', y: 'rotations' } });
    const many = Array.from({ length: 8 }, (_, i) => ({ subject: `科目${i}`, rotations: 1 }));
    expect(subjectOption(many, { rotations: '' }, true).xAxis).toMatchObject({ axisLabel: { rotate: 45 } });
    expect(subjectOption(many, { rotations: '' }, false).xAxis).toMatchObject({ axisLabel: { rotate: 0 } });
  });
});

describe('meeting compliance by pair', () => {
  const rows = [pair(1, 'compliant', 'B'), pair(2, 'non_compliant', 'C', 0, 2), pair(3, 'at_risk', 'A'), pair(4, 'compliant', 'A')];
  const labels = {
    held: '已召开',
    required: '应召开',
    status: (s: string) => `status:${s}`,
    counts: (held: number, required: number) => `${held}/${required}`,
  };

  it('orders the pairs worst first, then by title', () => {
    expect(compliancePairs(rows).map((p) => p.agreement_id)).toEqual([2, 3, 4, 1]);
  });

  it('draws held (coloured by status) against required, one row per pair from the top', () => {
    const pairs = compliancePairs(rows);
    const option = complianceOption(pairs, labels, false);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['支援2 → 受援2', '支援3 → 受援3', '支援4 → 受援4', '支援1 → 受援1'] });
    const [held, required] = seriesOf(option);
    expect(held.data).toEqual([
      { value: 0, itemStyle: { color: STATUS_COLORS.non_compliant } },
      { value: 1, itemStyle: { color: STATUS_COLORS.at_risk } },
      { value: 1, itemStyle: { color: STATUS_COLORS.compliant } },
      { value: 1, itemStyle: { color: STATUS_COLORS.compliant } },
    ]);
    expect(required.data).toEqual([2, 2, 2, 2]);
    expect(required).toMatchObject({ name: '应召开', itemStyle: { color: COLORS.required } });
  });

  it('explains a row in the tooltip, escaping the names people typed', () => {
    const pairs = [pair(9, 'at_risk', '<b>城关</b>&三元', 1, 2)];
    const tooltip = complianceOption(pairs, labels, true).tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('&lt;b&gt;城关&lt;/b&gt;&amp;三元');
    expect(html).toContain('status:at_risk');
    expect(html).toContain('1/2');
    expect(tooltip.formatter([{ dataIndex: 5 }])).toBe('');
  });

  it('writes a pair on two lines on a phone, so both schools show', () => {
    const option = complianceOption([pair(1, 'compliant', 'T')], labels, true);
    expect(option.yAxis).toMatchObject({ data: ['支援1\n→ 受援1'], axisLabel: { width: 96, overflow: 'truncate' } });
  });

  it('grows with the number of pairs, within bounds', () => {
    expect(complianceHeight(0)).toBe(220);
    expect(complianceHeight(10)).toBe(424);
    expect(complianceHeight(100)).toBe(720);
  });
});

describe('activities by kind', () => {
  const byKind = { lecture: 4, seminar: 0, demonstration_lesson: 6, other: 4 };

  it('lists every kind, most first, ties in the enum order', () => {
    const counts = kindCounts(byKind);
    expect(counts).toHaveLength(ACTIVITY_KINDS.length);
    expect(counts.slice(0, 3)).toEqual([
      { kind: 'demonstration_lesson', count: 6 },
      { kind: 'lecture', count: 4 },
      { kind: 'other', count: 4 },
    ]);
    expect(counts.slice(3).every((c) => c.count === 0)).toBe(true);
  });

  it('labels the bars with the translated kinds', () => {
    const option = kindOption(byKind, { activities: '活动', kind: (k) => `kind:${k}` }, false);
    expect((option.yAxis as { data: string[] }).data.slice(0, 3)).toEqual(['kind:demonstration_lesson', 'kind:lecture', 'kind:other']);
    expect(seriesOf(option)[0].data).toEqual(kindCounts(byKind).map((c) => c.count));
  });

  it('is empty when no activity was recorded', () => {
    expect(kindsAreEmpty({})).toBe(true);
    expect(kindsAreEmpty({ lecture: 0 })).toBe(true);
    expect(kindsAreEmpty(byKind)).toBe(false);
  });
});

describe('the school network', () => {
  const series: Pick<DashboardSeries, 'nodes' | 'edges'> = {
    nodes: [node(3, 'supporting'), node(4, 'both'), node(5, 'receiving', true), node(7, 'receiving', true)],
    edges: [
      { agreement_id: 1, source: 3, target: 4, rotations: 2 },
      { agreement_id: 2, source: 4, target: 5, rotations: 0 },
      { agreement_id: 3, source: 3, target: 7, rotations: 1 },
      { agreement_id: 9, source: 3, target: 99, rotations: 1 },
    ],
  };
  const labels = {
    role: (r: string) => `role:${r}`,
    weak: '薄弱学校',
    edge: (from: string, to: string, n: number) => `${from}→${to}:${n}`,
  };

  it('drops an edge to a school it does not list, so click indexes match what is drawn', () => {
    expect(networkData(series).edges.map((e) => e.agreement_id)).toEqual([1, 2, 3]);
  });

  it('starts supporting schools on the left, receiving ones on the right, the ones that are both in the middle', () => {
    const box = { width: 600, height: 240 };
    const p = initialPositions(series.nodes, box);
    expect(p).toEqual([
      { x: 60, y: 100 },
      { x: 300, y: 120 },
      { x: 540, y: 80 },
      { x: 540, y: 200 },
    ]);
  });

  it('lays the network out by force, inside the box, the same way every time', () => {
    const box = layoutBox(false);
    const { nodes, edges } = networkData(series);
    const p = forceLayout(nodes, edges, box);
    expect(forceLayout(nodes, edges, box)).toEqual(p);
    for (const q of p) {
      expect(q.x).toBeGreaterThanOrEqual(0);
      expect(q.x).toBeLessThanOrEqual(box.width);
      expect(q.y).toBeGreaterThanOrEqual(0);
      expect(q.y).toBeLessThanOrEqual(box.height);
    }
    // helpers left of the middle, the one that is both on it, the helped right of it
    expect(p[0].x).toBeLessThan(box.width * 0.25);
    expect(p[1].x).toBe(box.width / 2);
    expect(p[2].x).toBeGreaterThan(box.width * 0.75);
    expect(p[3].x).toBeGreaterThan(box.width * 0.75);
    // no two schools on one spot
    const spots = new Set(p.map((q) => `${Math.round(q.x)},${Math.round(q.y)}`));
    expect(spots.size).toBe(p.length);
  });

  it('keeps a crowded county inside the box too', () => {
    const many: NetworkNode[] = [
      ...Array.from({ length: 6 }, (_, i) => node(i + 1, 'supporting')),
      ...Array.from({ length: 20 }, (_, i) => node(i + 100, 'receiving', i % 2 === 0)),
    ];
    const links = many.slice(6).map((n, i) => ({ agreement_id: i + 1, source: (i % 6) + 1, target: n.school_id, rotations: i % 3 }));
    const box = layoutBox(true);
    const p = forceLayout(many, links, box);
    expect(p.every((q) => q.x >= 0 && q.x <= box.width && q.y >= 0 && q.y <= box.height)).toBe(true);
    expect(p.slice(0, 6).every((q) => q.x < box.width / 2)).toBe(true);
    expect(p.slice(6).every((q) => q.x > box.width / 2)).toBe(true);
    expect(forceLayout([], [], box)).toEqual([]);
  });

  it('colours the three roles, marks weak schools, and points arrows from helper to helped', () => {
    const option = networkOption(networkData(series), labels, false);
    const [graph] = seriesOf(option);
    // positioned by forceLayout; ECharts only fits the picture to the chart
    expect(graph).toMatchObject({ type: 'graph', layout: 'none', edgeSymbol: ['none', 'arrow'] });
    expect(graph.categories).toEqual([
      { name: 'role:supporting', itemStyle: { color: COLORS.supporting } },
      { name: 'role:both', itemStyle: { color: COLORS.both } },
      { name: 'role:receiving', itemStyle: { color: COLORS.receiving } },
    ]);
    const data = graph.data as { id: string; category: number; symbol: string; x: number; y: number; itemStyle?: unknown }[];
    const layout = forceLayout(networkData(series).nodes, networkData(series).edges, layoutBox(false));
    expect(data.map((d) => ({ x: d.x, y: d.y }))).toEqual(layout);
    expect(data.map((d) => [d.id, d.category, d.symbol])).toEqual([
      ['3', 0, 'circle'],
      ['4', 1, 'circle'],
      ['5', 2, 'diamond'],
      ['7', 2, 'diamond'],
    ]);
    expect(data[2].itemStyle).toEqual({ borderColor: COLORS.weakBorder, borderWidth: 2 });
    const edges = graph.edges as { source: string; target: string; value: number }[];
    expect(edges.map((e) => [e.source, e.target, e.value])).toEqual([
      ['3', '4', 2],
      ['4', '5', 0],
      ['3', '7', 1],
    ]);
    expect(option.legend).toMatchObject({ data: ['role:supporting', 'role:both', 'role:receiving'] });
  });

  it('tells a school and an arrow apart in the tooltip', () => {
    const option = networkOption(networkData(series), labels, true);
    const f = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(f({ dataType: 'edge', dataIndex: 0 })).toBe('学校3→学校4:2');
    expect(f({ dataType: 'node', dataIndex: 2 })).toBe('<b>学校5</b><br/>role:receiving<br/>薄弱学校');
    expect(f({ dataType: 'node', dataIndex: 1 })).toBe('<b>学校4</b><br/>role:both');
    expect(f(null)).toBe('');
  });
});

describe('helpers', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('finds the data index of a tooltip call', () => {
    expect(indexOfParams({ dataIndex: 3 })).toBe(3);
    expect(indexOfParams([{ dataIndex: 1 }, { dataIndex: 1 }])).toBe(1);
    expect(indexOfParams([])).toBeNull();
    expect(indexOfParams({ dataIndex: '2' })).toBeNull();
    expect(indexOfParams(undefined)).toBeNull();
  });
});
