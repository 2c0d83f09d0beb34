// Pure parts of the rotation planning pages (轮岗规划): the lists' API params (the school year defaults
// to the current one), a need's "filled" figure, the review's local edits and the assignments payload
// made from them, which needs to offer when moving a teacher, the side-by-side comparison of two
// proposals, the conflicts of a refused acceptance and the per-school quota chart. No React, no ECharts
// code (types only): unit-tested in Node, and the page chunks stay free of the chart library.
import type {
  AssignmentRef,
  ProposalAssignment,
  ProposalNeed,
  ProposalSchool,
  ProposalTotals,
} from '../../api/types';
import { NEED_PRIORITIES, PROPOSAL_STATUSES, TERMS } from '../../api/types';
import { boolOrUndefined, intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';
import type { ChartOption } from '../dashboard/chartTypes';
import { ALL_YEARS, pickRosterYear, pickSchoolYear } from '../rotationReports/figures';

export { ALL_YEARS };

/** The current school year: the year of the latest 1 September (2026 from 2026-09-01 to 2027-08-31). */
export function currentSchoolYear(today: Date): number {
  return pickSchoolYear(null, today);
}

// ---------------------------------------------------------------- the lists' params

export const NEED_FILTERS = ['school_year', 'term', 'subject', 'priority', 'open', 'school_id'] as const;

/** /needs: the URL's filters as API params; no school year in the URL means the current one ("all": every year). */
export function needListParams(state: ListState, today: Date) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    school_year: pickRosterYear(f.school_year, today),
    term: oneOf(TERMS, f.term),
    subject: f.subject || undefined,
    priority: oneOf(NEED_PRIORITIES, f.priority),
    open: boolOrUndefined(f.open),
    school_id: intOrUndefined(f.school_id),
  };
}
export type NeedListParams = ReturnType<typeof needListParams>;

export const SUPPLY_FILTERS = ['school_year', 'subject', 'available', 'school_id'] as const;

/** /planning/supply: always one school year (the current one unless the URL names another). */
export function supplyListParams(state: ListState, today: Date) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    school_year: pickSchoolYear(f.school_year, today),
    subject: f.subject || undefined,
    available: boolOrUndefined(f.available),
    school_id: intOrUndefined(f.school_id),
  };
}
export type SupplyListParams = ReturnType<typeof supplyListParams>;

export const PROPOSAL_FILTERS = ['school_year', 'status'] as const;

/** /planning: every school year unless one is chosen (proposals are not searched by name). */
export function proposalListParams(state: ListState) {
  const { limit, offset, sort } = pagingParams(state);
  return {
    limit,
    offset,
    ...(sort ? { sort } : {}),
    school_year: intOrUndefined(state.filters.school_year),
    status: oneOf(PROPOSAL_STATUSES, state.filters.status),
  };
}
export type ProposalListParams = ReturnType<typeof proposalListParams>;

// ---------------------------------------------------------------- a need's figures

/** "1 / 2": teachers placed of those asked for. */
export function filledText(n: { filled: number; count: number }): string {
  return `${n.filled} / ${n.count}`;
}

export function isFilled(n: { filled: number; count: number }): boolean {
  return n.filled >= n.count;
}

/** The needs tab's order: urgent first, then those still short, then by school and subject. */
export function sortNeeds(needs: readonly ProposalNeed[]): ProposalNeed[] {
  return [...needs].sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) ||
      Number(b.unfilled > 0) - Number(a.unfilled > 0) ||
      a.school_name.localeCompare(b.school_name, 'zh-CN') ||
      a.subject.localeCompare(b.subject, 'zh-CN') ||
      a.need_id - b.need_id,
  );
}

// ---------------------------------------------------------------- the review's local edits

/**
 * The reviewer's changes not yet saved, by teacher: the need they move to, or null when removed.
 * A teacher is placed at most once in a plan, so the teacher names the assignment.
 */
export type Edits = ReadonlyMap<number, number | null>;

export const NO_EDITS: Edits = new Map();

/** Move an assignment to another need; moving it back to where the plan put it drops the edit. */
export function moveAssignment(edits: Edits, a: Pick<ProposalAssignment, 'teacher_id' | 'need_id'>, needId: number): Edits {
  const next = new Map(edits);
  if (needId === a.need_id) next.delete(a.teacher_id);
  else next.set(a.teacher_id, needId);
  return next;
}

/** Leave an assignment out of the plan. */
export function removeAssignment(edits: Edits, a: Pick<ProposalAssignment, 'teacher_id'>): Edits {
  const next = new Map(edits);
  next.set(a.teacher_id, null);
  return next;
}

/** Take back the change to one assignment. */
export function undoEdit(edits: Edits, teacherId: number): Edits {
  if (!edits.has(teacherId)) return edits;
  const next = new Map(edits);
  next.delete(teacherId);
  return next;
}

export type PendingEdit = { kind: 'moved'; needId: number } | { kind: 'removed' } | null;

/** What is pending for one assignment. */
export function pendingEdit(edits: Edits, a: Pick<ProposalAssignment, 'teacher_id'>): PendingEdit {
  if (!edits.has(a.teacher_id)) return null;
  const needId = edits.get(a.teacher_id);
  return needId === null || needId === undefined ? { kind: 'removed' } : { kind: 'moved', needId };
}

/** Edits of teachers still in the plan (after a reload, others no longer apply). */
export function pruneEdits(edits: Edits, assignments: readonly Pick<ProposalAssignment, 'teacher_id'>[]): Edits {
  const placed = new Set(assignments.map((a) => a.teacher_id));
  const kept = [...edits].filter(([teacherId]) => placed.has(teacherId));
  return kept.length === edits.size ? edits : new Map(kept);
}

/** The PATCH body's assignments: every one kept (a moved one with its new need), the removed ones left out. */
export function editedAssignments(assignments: readonly Pick<ProposalAssignment, 'teacher_id' | 'need_id'>[], edits: Edits): AssignmentRef[] {
  return assignments.flatMap((a) => {
    const edit = pendingEdit(edits, a);
    if (edit?.kind === 'removed') return [];
    return [{ teacher_id: a.teacher_id, need_id: edit?.kind === 'moved' ? edit.needId : a.need_id }];
  });
}

// ---------------------------------------------------------------- where a teacher may move

export interface NeedChoices {
  /** Needs of the assignment's subject: the current one first, then those still short, urgent first. */
  sameSubject: ProposalNeed[];
  /** The others (a move there is listed as a problem unless the teacher also teaches it). */
  otherSubjects: ProposalNeed[];
}

function byUsefulness(current: number) {
  return (a: ProposalNeed, b: ProposalNeed) =>
    Number(b.need_id === current) - Number(a.need_id === current) ||
    Number(b.unfilled > 0) - Number(a.unfilled > 0) ||
    Number(b.urgent) - Number(a.urgent) ||
    b.unfilled - a.unfilled ||
    a.school_name.localeCompare(b.school_name, 'zh-CN') ||
    a.need_id - b.need_id;
}

/** The needs to offer when moving an assignment, the same subject's first. */
export function needChoices(needs: readonly ProposalNeed[], a: Pick<ProposalAssignment, 'need_id' | 'subject'>): NeedChoices {
  const order = byUsefulness(a.need_id);
  return {
    sameSubject: needs.filter((n) => n.subject === a.subject).sort(order),
    otherSubjects: needs.filter((n) => n.subject !== a.subject).sort(order),
  };
}

// ---------------------------------------------------------------- comparing two proposals

export const COMPARE_METRICS = [
  'filled',
  'unfilled',
  'urgent_unfilled',
  'rotation_shortfall',
  'backbone_shortfall',
  'paired',
  'total_km',
] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

/** More is better for these; less for the others. */
const MORE_IS_BETTER: ReadonlySet<CompareMetric> = new Set(['filled', 'paired']);

export interface CompareRow {
  metric: CompareMetric;
  a: number;
  b: number;
  /** The better of the two, null when equal. */
  better: 'a' | 'b' | null;
}

/** The two proposals' totals side by side, and which is better on each. */
export function compareTotals(a: ProposalTotals, b: ProposalTotals): CompareRow[] {
  return COMPARE_METRICS.map((metric) => {
    const x = a[metric];
    const y = b[metric];
    const more = MORE_IS_BETTER.has(metric);
    const better = x === y ? null : (x > y) === more ? 'a' : 'b';
    return { metric, a: x, b: y, better };
  });
}

/** The solver's time: "0.42", and "< 0.01" for what took no measurable time. */
export function formatSeconds(s: number): string {
  return s < 0.005 ? '< 0.01' : s.toFixed(2);
}

/** Kilometres with one decimal ("96.3"). */
export function formatKm(km: number): string {
  return (Math.round(km * 10) / 10).toFixed(1);
}

// ---------------------------------------------------------------- a refused acceptance

export interface PlanConflict {
  code: string;
  teacher_id: number | null;
  need_id: number | null;
  message: string;
  /** The rotation the teacher already has in the period (teacher_busy). */
  rotation_id: number | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const idOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The `conflicts` of a 409 problem+json answering "accept" (none when the body has no such list). */
export function conflictsOf(body: unknown): PlanConflict[] {
  if (!isRecord(body) || !Array.isArray(body.conflicts)) return [];
  return body.conflicts.flatMap((c): PlanConflict[] => {
    if (!isRecord(c) || typeof c.message !== 'string') return [];
    return [
      {
        code: typeof c.code === 'string' ? c.code : '',
        teacher_id: idOrNull(c.teacher_id),
        need_id: idOrNull(c.need_id),
        message: c.message,
        rotation_id: idOrNull(c.rotation_id),
      },
    ];
  });
}

// ---------------------------------------------------------------- the per-school quota chart

export const QUOTA_COLORS = { rotated: '#8c8c8c', assigned: '#1677ff', required: '#fa8c16' } as const;

export interface QuotaLabels {
  rotated: string;
  assigned: string;
  required: string;
}

/** A row per supporting school. */
export function quotaHeight(schools: number): number {
  return Math.min(720, Math.max(200, 72 + schools * 44));
}

/**
 * Per supporting school: already rotated + assigned by this plan (one stacked bar) against the
 * required number (a second bar), the schools still short first.
 */
export function quotaOption(schools: readonly ProposalSchool[], l: QuotaLabels, narrow: boolean): ChartOption {
  const rows = [...schools].sort((a, b) => b.shortfall - a.shortfall || a.school_name.localeCompare(b.school_name, 'zh-CN'));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [l.rotated, l.assigned, l.required] },
    grid: { left: 8, right: 24, top: 36, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((s) => s.school_name),
      axisLabel: { width: narrow ? 88 : 200, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', name: l.rotated, stack: 'sent', itemStyle: { color: QUOTA_COLORS.rotated }, data: rows.map((s) => s.rotated), barMaxWidth: 14 },
      { type: 'bar', name: l.assigned, stack: 'sent', itemStyle: { color: QUOTA_COLORS.assigned }, data: rows.map((s) => s.assigned), barMaxWidth: 14 },
      { type: 'bar', name: l.required, itemStyle: { color: QUOTA_COLORS.required }, data: rows.map((s) => s.required), barMaxWidth: 14 },
    ],
  };
}
