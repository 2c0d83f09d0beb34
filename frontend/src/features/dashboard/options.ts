// Pure: the dashboard's API series turned into ECharts options (no ECharts code is imported here, so
// these are unit-tested in Node and the page chunk stays free of the chart library). Labels come in
// already translated, as strings or small functions.
import type { ActivityKind, ComplianceStatus, DashboardSeries, MonthPoint, NetworkEdge, NetworkNode, PairCompliance, SubjectCount } from '../../api/types';
import { ACTIVITY_KINDS } from '../../api/types';
import type { ChartOption } from './chartTypes';

export const COLORS = {
  activities: '#1677ff',
  checkins: '#13c2c2',
  rotations: '#722ed1',
  kinds: '#1677ff',
  required: '#d9d9d9',
  supporting: '#1677ff',
  receiving: '#fa8c16',
  both: '#722ed1',
  weakBorder: '#cf1322',
  edge: '#8c8c8c',
} as const;

export const STATUS_COLORS: Record<ComplianceStatus, string> = {
  compliant: '#52c41a',
  at_risk: '#faad14',
  non_compliant: '#ff4d4f',
};

/** Text put into an HTML tooltip: school and agreement names are typed by people. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The data index a tooltip formatter was called for (one item, or the first of an axis' items). */
export function indexOfParams(p: unknown): number | null {
  const first: unknown = Array.isArray(p) ? p[0] : p;
  if (typeof first !== 'object' || first === null || !('dataIndex' in first)) return null;
  return typeof first.dataIndex === 'number' ? first.dataIndex : null;
}

const GRID = { left: 8, right: 16, top: 40, bottom: 8 } as const;

// ---------------------------------------------------------------- monthly trend

export interface MonthlyLabels {
  activities: string;
  checkins: string;
  /** "2026-09" → "9月" / "Sep". */
  month: (ym: string) => string;
}

/** Nothing happened in any month of the year. */
export function monthlyIsEmpty(monthly: readonly MonthPoint[]): boolean {
  return monthly.every((m) => m.activities === 0 && m.checkins === 0);
}

/**
 * Activities (bars, left axis: a click opens the month's activities) and check-ins (a line, right axis:
 * they count in the hundreds) per month, September first. Months after `thisMonth` ("2026-12") have
 * not happened: they stay on the axis, undrawn.
 */
export function monthlyOption(monthly: readonly MonthPoint[], l: MonthlyLabels, thisMonth?: string): ChartOption {
  const future = (ym: string) => thisMonth !== undefined && ym > thisMonth;
  return {
    color: [COLORS.activities, COLORS.checkins],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [l.activities, l.checkins] },
    grid: GRID,
    dataset: {
      dimensions: ['month', 'activities', 'checkins'],
      source: monthly.map((m) =>
        future(m.month)
          ? { month: l.month(m.month), activities: null, checkins: null }
          : { month: l.month(m.month), activities: m.activities, checkins: m.checkins },
      ),
    },
    xAxis: { type: 'category', axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      // a month's bar opens that month's activities; the check-in line leads nowhere
      { type: 'bar', name: l.activities, yAxisIndex: 0, encode: { x: 'month', y: 'activities' }, barMaxWidth: 24 },
      { type: 'line', name: l.checkins, yAxisIndex: 1, encode: { x: 'month', y: 'checkins' }, symbolSize: 6, cursor: 'default' },
    ],
  };
}

// ---------------------------------------------------------------- rotations by subject

/** One bar per subject (the teacher's main subject), most rotations first as the API sorts them. */
export function subjectOption(rows: readonly SubjectCount[], l: { rotations: string }, narrow: boolean): ChartOption {
  return {
    color: [COLORS.rotations],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 16 },
    dataset: { dimensions: ['subject', 'rotations'], source: rows.map((r) => ({ subject: r.subject, rotations: r.rotations })) },
    xAxis: { type: 'category', axisLabel: { interval: 0, rotate: narrow && rows.length > 5 ? 45 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: l.rotations, encode: { x: 'subject', y: 'rotations' }, barMaxWidth: 32 }],
  };
}

// ---------------------------------------------------------------- meeting compliance by pair

const SEVERITY: Record<ComplianceStatus, number> = { non_compliant: 0, at_risk: 1, compliant: 2 };

/** The pairs in the order the chart draws them, top to bottom: worst first, then by title. */
export function compliancePairs(rows: readonly PairCompliance[]): PairCompliance[] {
  return [...rows].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || a.title.localeCompare(b.title, 'zh-CN'));
}

/** The chart's height: a row per pair, within bounds (phones scroll the page, not the chart). */
export function complianceHeight(pairs: number): number {
  return Math.min(720, Math.max(220, 64 + pairs * 36));
}

export interface ComplianceLabels {
  held: string;
  required: string;
  status: (s: ComplianceStatus) => string;
  /** "held 1 of 2" */
  counts: (held: number, required: number) => string;
}

/** "城关中学 → 三元中学": the pair on the axis, on two lines on a phone (the full title is in the tooltip). */
export function pairLabel(p: Pick<PairCompliance, 'supporting_school_name' | 'receiving_school_name'>, narrow = false): string {
  return `${p.supporting_school_name}${narrow ? '\n' : ' '}→ ${p.receiving_school_name}`;
}

/**
 * Held against required meetings, one row per pair (`pairs` as compliancePairs orders them); the held
 * bar is coloured by the pair's status. A click on a row opens the agreement.
 */
export function complianceOption(pairs: readonly PairCompliance[], l: ComplianceLabels, narrow: boolean): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const i = indexOfParams(params);
        const p = i === null ? undefined : pairs[i];
        if (!p) return '';
        return [
          `<b>${escapeHtml(p.title)}</b>`,
          `<span style="color:${STATUS_COLORS[p.status]}">●</span> ${escapeHtml(l.status(p.status))}`,
          escapeHtml(l.counts(p.held_total, p.required)),
        ].join('<br/>');
      },
    },
    legend: { top: 0, data: [l.held, l.required] },
    grid: GRID,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: pairs.map((p) => pairLabel(p, narrow)),
      axisLabel: { width: narrow ? 96 : 200, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: l.held,
        itemStyle: { color: STATUS_COLORS.compliant },
        data: pairs.map((p) => ({ value: p.held_total, itemStyle: { color: STATUS_COLORS[p.status] } })),
        barMaxWidth: 14,
      },
      {
        type: 'bar',
        name: l.required,
        itemStyle: { color: COLORS.required },
        data: pairs.map((p) => p.required),
        barMaxWidth: 14,
      },
    ],
  };
}

// ---------------------------------------------------------------- activities by kind

/** Every kind with its count, most first (ties in the enum's order). */
export function kindCounts(byKind: Readonly<Record<string, number>>): { kind: ActivityKind; count: number }[] {
  return ACTIVITY_KINDS.map((kind, i) => ({ kind, count: byKind[kind] ?? 0, i }))
    .sort((a, b) => b.count - a.count || a.i - b.i)
    .map(({ kind, count }) => ({ kind, count }));
}

export function kindsAreEmpty(byKind: Readonly<Record<string, number>>): boolean {
  return kindCounts(byKind).every((k) => k.count === 0);
}

/** Horizontal bars: the activities of the term by kind, labelled with the enum's translations; a bar opens that kind's activities. */
export function kindOption(byKind: Readonly<Record<string, number>>, l: { activities: string; kind: (k: ActivityKind) => string }, narrow: boolean): ChartOption {
  const rows = kindCounts(byKind);
  return {
    color: [COLORS.kinds],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => l.kind(r.kind)),
      axisLabel: { width: narrow ? 88 : 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: l.activities,
        data: rows.map((r) => r.count),
        barMaxWidth: 14,
        label: { show: true, position: 'right' },
      },
    ],
  };
}

// ---------------------------------------------------------------- the school network

export type NodeRole = 'supporting' | 'receiving' | 'both';
export const NODE_ROLES: readonly NodeRole[] = ['supporting', 'both', 'receiving'];

export function roleOf(node: Pick<NetworkNode, 'role'>): NodeRole {
  return node.role === 'both' || node.role === 'receiving' ? node.role : 'supporting';
}

/** The nodes and the edges between them, as drawn (an edge to a school not listed is dropped, so indexes match). */
export function networkData(series: Pick<DashboardSeries, 'nodes' | 'edges'>): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const ids = new Set(series.nodes.map((n) => n.school_id));
  return { nodes: [...series.nodes], edges: series.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

export interface LayoutBox {
  width: number;
  height: number;
}

/** The box the layout works in, in the chart's shape (ECharts fits it to the chart): wide on a desktop, square on a phone. */
export function layoutBox(narrow: boolean): LayoutBox {
  return narrow ? { width: 300, height: 300 } : { width: 640, height: 260 };
}

/** Where each role's column is, across the box: helpers on the left, the helped on the right. */
const COLUMN: Record<NodeRole, number> = { supporting: 0.1, both: 0.5, receiving: 0.9 };
/** How far across the box a school may move: within its role's band (a school that is both stays on the middle line). */
const BAND: Record<NodeRole, readonly [number, number]> = { supporting: [0.02, 0.22], both: [0.5, 0.5], receiving: [0.78, 0.98] };
// the columns start shifted a little against each other, so no two schools start on one spot
const SHIFT: Record<NodeRole, number> = { supporting: -1 / 12, both: 0, receiving: 1 / 12 };

/** Supporting schools in a column on the left, receiving ones on the right, the schools that are both in the middle. */
export function initialPositions(nodes: readonly NetworkNode[], box: LayoutBox): { x: number; y: number }[] {
  const columns: Record<NodeRole, number[]> = { supporting: [], both: [], receiving: [] };
  nodes.forEach((n, i) => columns[roleOf(n)].push(i));
  const out = nodes.map(() => ({ x: 0, y: 0 }));
  for (const role of NODE_ROLES) {
    const col = columns[role];
    col.forEach((nodeIndex, k) => {
      out[nodeIndex] = { x: COLUMN[role] * box.width, y: ((k + 0.5) / col.length + SHIFT[role]) * box.height };
    });
  }
  return out;
}

/**
 * A force-directed layout (Fruchterman–Reingold, layered): schools push each other apart and each
 * agreement pulls its two schools level with each other, while every school stays in its role's band
 * across the box — so arrows run from the helpers on the left to the helped on the right, a school
 * that is both sits on the middle line, and a crowded column spreads sideways within its band.
 * Computed here rather than by ECharts' own force layout because that one neither stays inside the
 * chart nor repeats itself: this one is bounded by the box and deterministic, so the picture is the
 * same on every visit and fits the chart.
 */
export function forceLayout(
  nodes: readonly NetworkNode[],
  edges: readonly NetworkEdge[],
  box: LayoutBox,
  iterations = 300,
): { x: number; y: number }[] {
  const pos = initialPositions(nodes, box);
  const n = nodes.length;
  if (n === 0) return pos;
  const index = new Map(nodes.map((node, i) => [node.school_id, i]));
  const links: [number, number][] = [];
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a !== undefined && b !== undefined && a !== b) links.push([a, b]);
  }
  const roles = nodes.map(roleOf);
  const k = 0.5 * Math.sqrt((box.width * box.height) / n);
  const margin = 0.04 * box.height;
  let temperature = box.width / 8;
  for (let it = 0; it < iterations; it += 1) {
    const dx = new Array<number>(n).fill(0);
    const dy = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        let x = pos[i].x - pos[j].x;
        let y = pos[i].y - pos[j].y;
        // two schools on one spot: part them the same way every time
        if (x === 0 && y === 0) y = j - i;
        const d = Math.max(1, Math.hypot(x, y));
        const f = (k * k) / d;
        x = (x / d) * f;
        y = (y / d) * f;
        dx[i] += x;
        dy[i] += y;
        dx[j] -= x;
        dy[j] -= y;
      }
    }
    // the pull of an agreement is vertical only: across, the bands decide
    for (const [a, b] of links) {
      const y = pos[a].y - pos[b].y;
      const f = (y * Math.abs(y)) / k;
      dy[a] -= f;
      dy[b] += f;
    }
    for (let i = 0; i < n; i += 1) {
      dy[i] += (box.height / 2 - pos[i].y) * 0.1;
      const len = Math.hypot(dx[i], dy[i]);
      if (len === 0) continue;
      const step = Math.min(len, temperature);
      const [left, right] = BAND[roles[i]];
      const x = pos[i].x + (dx[i] / len) * step;
      const y = pos[i].y + (dy[i] / len) * step;
      pos[i] = {
        x: Math.min(right * box.width, Math.max(left * box.width, x)),
        y: Math.min(box.height - margin, Math.max(margin, y)),
      };
    }
    temperature = Math.max(0.5, temperature * 0.97);
  }
  return pos.map((p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 }));
}

export interface NetworkLabels {
  role: (r: NodeRole) => string;
  weak: string;
  /** "城关中学 → 三元中学: 2 rotations" */
  edge: (from: string, to: string, rotations: number) => string;
}

/**
 * Which schools help which: laid out by forceLayout, supporting / receiving / both in three colours (the
 * legend), weak schools as diamonds with a red rim, an arrow from the helper to the helped whose width
 * grows with the teachers dispatched. Click a school → its page, an arrow → the agreement.
 */
export function networkOption(data: { nodes: readonly NetworkNode[]; edges: readonly NetworkEdge[] }, l: NetworkLabels, narrow: boolean): ChartOption {
  const { nodes, edges } = data;
  const box = layoutBox(narrow);
  const positions = forceLayout(nodes, edges, box);
  const nameOf = new Map(nodes.map((n) => [n.school_id, n.name]));
  const categories = NODE_ROLES.map((r) => ({ name: l.role(r), itemStyle: { color: COLORS[r] } }));
  return {
    legend: { top: 0, data: categories.map((c) => c.name) },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        if (typeof params !== 'object' || params === null || !('dataType' in params)) return '';
        const i = indexOfParams(params);
        if (i === null) return '';
        if (params.dataType === 'edge') {
          const e = edges[i];
          return e ? escapeHtml(l.edge(nameOf.get(e.source) ?? '', nameOf.get(e.target) ?? '', e.rotations)) : '';
        }
        const n = nodes[i];
        if (!n) return '';
        return [`<b>${escapeHtml(n.name)}</b>`, escapeHtml(l.role(roleOf(n))), ...(n.is_weak ? [escapeHtml(l.weak)] : [])].join('<br/>');
      },
    },
    series: [
      {
        type: 'graph',
        // the positions are forceLayout's; ECharts fits their box to the chart
        layout: 'none',
        top: 56,
        bottom: 28,
        left: narrow ? 36 : 64,
        right: narrow ? 36 : 64,
        roam: false,
        draggable: false,
        categories,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, 8],
        label: { show: true, position: 'bottom', fontSize: narrow ? 10 : 12, width: narrow ? 72 : 120, overflow: 'truncate' },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        lineStyle: { color: COLORS.edge, opacity: 0.8, curveness: 0.08 },
        data: nodes.map((n, i) => ({
          id: String(n.school_id),
          name: n.name,
          category: NODE_ROLES.indexOf(roleOf(n)),
          x: positions[i].x,
          y: positions[i].y,
          symbol: n.is_weak ? 'diamond' : 'circle',
          symbolSize: n.is_weak ? 22 : 18,
          itemStyle: n.is_weak ? { borderColor: COLORS.weakBorder, borderWidth: 2 } : undefined,
        })),
        edges: edges.map((e) => ({
          source: String(e.source),
          target: String(e.target),
          value: e.rotations,
          lineStyle: { width: 1.5 + Math.min(e.rotations, 4) },
        })),
      },
    ],
  };
}
