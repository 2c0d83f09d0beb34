// Pure helpers of the rotation reports: which school year to show, shares as "8.3% / 10%", the bars'
// lengths, the order of the compliance rows, and splitting a school's roster into outgoing and incoming.
import type { ComplianceStatus, RosterRow, RotationComplianceRow, RotationStatus } from '../../api/types';
import { EMPTY } from '../../lib/format';

/** The school year a day falls in: 2026 runs from 2026-09-01 to 2027-08-31. */
export function schoolYearOf(today: Date): number {
  return today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
}

function validYear(v: string | null | undefined): number | undefined {
  if (!v || !/^\d{4}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 2000 && n <= 2100 ? n : undefined;
}

/** The year the URL asks for (2000–2100), else the current school year. */
export function pickSchoolYear(param: string | null | undefined, today: Date): number {
  return validYear(param) ?? schoolYearOf(today);
}

/** The roster's year: the URL's, none for "all" (every year), else the current school year. */
export function pickRosterYear(param: string | null | undefined, today: Date): number | undefined {
  if (param === ALL_YEARS) return undefined;
  return pickSchoolYear(param, today);
}
export const ALL_YEARS = 'all';

/** School years to choose from: a few back and one ahead of the current one, newest first. */
export function schoolYearChoices(today: Date, back = 4, ahead = 1): number[] {
  const now = schoolYearOf(today);
  const out: number[] = [];
  for (let y = now + ahead; y >= now - back; y -= 1) out.push(y);
  return out;
}

/** A share (0–1) as a percentage with at most one decimal: 0.0833 → "8.3%", 0.1 → "10%"; "—" when unknown. */
export function sharePercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return EMPTY;
  return `${Math.round(share * 1000) / 10}%`;
}

/** "8.3% / 10%": the share reached against the minimum. */
export function shareVsMinimum(share: number | null | undefined, minimum: number): string {
  return `${sharePercent(share)} / ${sharePercent(minimum)}`;
}

function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 100;
  return Math.min(100, Math.round((part / whole) * 1000) / 10);
}

/**
 * The row's bar: how far towards the required number of teachers the school is — `approved` counts
 * the approved, active and completed dispatches, `withPlanned` adds the proposals still waiting.
 */
export function rotationProgress(row: Pick<RotationComplianceRow, 'rotated' | 'planned' | 'required'>): {
  approved: number;
  withPlanned: number;
} {
  return { approved: percentOf(row.rotated, row.required), withPlanned: percentOf(row.rotated + row.planned, row.required) };
}

/** Days served against the days the title rule asks for, 0–100. */
export function daysPercent(served: number, required: number): number {
  return percentOf(served, required);
}

const SEVERITY: Record<ComplianceStatus, number> = { non_compliant: 0, at_risk: 1, compliant: 2 };

type Sortable = Pick<RotationComplianceRow, 'status' | 'gap' | 'backbone_gap' | 'school_name'>;

/** Worst first: non-compliant, then at risk, then compliant; within each, the largest gap first. */
export function bySeverity(a: Sortable, b: Sortable): number {
  return (
    SEVERITY[a.status] - SEVERITY[b.status] ||
    b.gap + b.backbone_gap - (a.gap + a.backbone_gap) ||
    a.school_name.localeCompare(b.school_name, 'zh-CN')
  );
}

const COMPLIANCE_SORTS: Record<string, (a: RotationComplianceRow, b: RotationComplianceRow) => number> = {
  school_name: (a, b) => a.school_name.localeCompare(b.school_name, 'zh-CN'),
  status: bySeverity,
  eligible_teachers: (a, b) => a.eligible_teachers - b.eligible_teachers,
  gap: (a, b) => a.gap - b.gap,
  rotated_share: (a, b) => (a.rotated_share ?? -1) - (b.rotated_share ?? -1),
  backbone_gap: (a, b) => a.backbone_gap - b.backbone_gap,
};
export const COMPLIANCE_SORT_FIELDS = Object.keys(COMPLIANCE_SORTS);

/** The rows in the order asked for ("gap", "-gap", …), worst first by default; ties by name. */
export function sortComplianceRows(rows: readonly RotationComplianceRow[], sort: string | null): RotationComplianceRow[] {
  const desc = sort?.startsWith('-') ?? false;
  const cmp = sort ? COMPLIANCE_SORTS[desc ? sort.slice(1) : sort] : undefined;
  if (!cmp) return [...rows].sort(bySeverity);
  return [...rows].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)) || a.school_name.localeCompare(b.school_name, 'zh-CN'));
}

export type RosterTab = 'outgoing' | 'incoming';
export const ROSTER_TABS: readonly RosterTab[] = ['outgoing', 'incoming'];

/** A school's rotations: the teachers it sends out and the ones it hosts. */
export function splitRoster<T extends Pick<RosterRow, 'from_school_id' | 'to_school_id'>>(
  rows: readonly T[],
  schoolId: number,
): Record<RosterTab, T[]> {
  return {
    outgoing: rows.filter((r) => r.from_school_id === schoolId),
    incoming: rows.filter((r) => r.to_school_id === schoolId),
  };
}

const STATUS_ORDER: Record<RotationStatus, number> = { active: 0, approved: 1, planned: 2, completed: 3, withdrawn: 4 };

const ROSTER_SORTS: Record<string, (a: RosterRow, b: RosterRow) => number> = {
  start_date: (a, b) => a.start_date.localeCompare(b.start_date),
  end_date: (a, b) => a.end_date.localeCompare(b.end_date),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
};

/** A split roster in the order asked for (as the server sorts: start, end, status); newest start first by default. */
export function sortRoster(rows: readonly RosterRow[], sort: string | null): RosterRow[] {
  const desc = sort?.startsWith('-') ?? false;
  const cmp = sort ? ROSTER_SORTS[desc ? sort.slice(1) : sort] : undefined;
  if (!cmp) return [...rows].sort((a, b) => b.start_date.localeCompare(a.start_date) || b.id - a.id);
  return [...rows].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)) || b.id - a.id);
}

/** One page (1-based) of a list held in the browser; an out-of-range page shows the last one. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  const p = Math.min(Math.max(1, page), last);
  return items.slice((p - 1) * pageSize, p * pageSize);
}

/** An attendance rate (0–1) as a whole-number-or-one-decimal percentage for Progress; null before any school day. */
export function attendancePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate * 1000) / 10;
}

/** Whole years between a hire date (YYYY-MM-DD) and a day: the years a teacher has been at the school. */
export function yearsSince(hireDate: string, on: string): number {
  const [hy, hm, hd] = hireDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  if ([hy, hm, hd, y, m, d].some((n) => !Number.isFinite(n))) return 0;
  const before = m < hm || (m === hm && d < hd);
  return Math.max(0, y - hy - (before ? 1 : 0));
}

/** The candidates page of one school for a school year (and programme). */
export function candidatesPath(schoolId: number, schoolYear: number, programmeId?: number): string {
  const sp = new URLSearchParams({ school_id: String(schoolId), school_year: String(schoolYear) });
  if (programmeId !== undefined) sp.set('programme_id', String(programmeId));
  return `/compliance/rotations/candidates?${sp.toString()}`;
}
