// Pure: where each KPI card and chart element leads — the list behind the figure, filtered with the
// URL parameters that list page reads (its useListState / search-param filters).
import type { MonthPoint, NetworkEdge, NetworkNode, PairCompliance } from '../../api/types';
import { ledgerHref } from '../ledgers/links';
import type { ChartClick } from './chartTypes';
import { monthRange, schoolYearRange } from './figures';
import { kindCounts } from './options';

export type KpiKey =
  | 'active_agreements'
  | 'receiving_covered'
  | 'teachers_on_rotation'
  | 'teacher_days'
  | 'meeting_compliance'
  | 'rotation_share'
  | 'donations'
  | 'overdue_items';

/** The cards, in the order the page shows them. */
export const KPI_KEYS: readonly KpiKey[] = [
  'active_agreements',
  'receiving_covered',
  'teachers_on_rotation',
  'teacher_days',
  'meeting_compliance',
  'rotation_share',
  'donations',
  'overdue_items',
];

export interface DashboardFilter {
  schoolYear: number;
  programmeId?: number;
}

function href(path: string, params: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) sp.set(k, String(v));
  const q = sp.toString();
  return q ? `${path}?${q}` : path;
}

/**
 * Each card's list — exactly the rows the figure counts:
 * - active pairs → the agreements in force (of the programme);
 * - receiving schools covered → the schools receiving under an agreement in force (of the programme):
 *   /schools?covered=true; the ones still waiting are uncoveredTarget's;
 * - teachers on rotation → the rotations under way today;
 * - teacher-days and the rotation share → rotation compliance of the year (and programme);
 * - meeting compliance → meeting compliance of the year (and programme);
 * - donations → the donations dated in the school year (YYYY-09-01 … YYYY+1-08-31, of the programme);
 * - overdue follow-up items → the follow-up items list, open and overdue only.
 * The charts' targets follow: an activity kind's bar → the activities of that kind in the summary's
 * window (kindTarget, kindsTarget for all kinds); a month's activity bar → that month's activities
 * (monthlyTarget, yearActivitiesTarget for the whole year); a subject, a pair, a school or an arrow →
 * its rotations, agreement or school.
 */
export function kpiTargets({ schoolYear, programmeId }: DashboardFilter): Record<KpiKey, string> {
  const rotationCompliance = href('/compliance/rotations', { school_year: schoolYear, programme_id: programmeId });
  return {
    active_agreements: href('/agreements', { status: 'active', programme_id: programmeId }),
    receiving_covered: href('/schools', { covered: 'true', programme_id: programmeId }),
    teachers_on_rotation: href('/rotations', { status: 'active' }),
    teacher_days: rotationCompliance,
    meeting_compliance: href('/compliance/meetings', { school_year: schoolYear, programme_id: programmeId }),
    rotation_share: rotationCompliance,
    donations: ledgerHref('donations', { ...schoolYearRange(schoolYear), programme_id: programmeId }),
    overdue_items: href('/follow-up-items', { status: 'open', overdue: 'true' }),
  };
}

/** The schools to be helped that no agreement in force covers yet (the coverage card's total minus its figure). */
export function uncoveredTarget({ programmeId }: DashboardFilter): string {
  return href('/schools', { assisted: 'true', covered: 'false', programme_id: programmeId });
}

/** The window the activities by kind are counted over (the summary's activities_from … activities_to). */
export interface ActivityWindow {
  activities_from: string;
  activities_to: string;
}

/** Every activity the kinds chart counts: all kinds, in the summary's window. */
export function kindsTarget({ programmeId }: DashboardFilter, window: ActivityWindow): string {
  return ledgerHref('activities', { from: window.activities_from, to: window.activities_to, programme_id: programmeId });
}

/** A kind's bar (`byKind` as the summary gives it; the bars in kindCounts' order) → that kind's activities in the window. */
export function kindTarget(
  { programmeId }: DashboardFilter,
  window: ActivityWindow,
  byKind: Readonly<Record<string, number>>,
  click: ChartClick,
): string | null {
  const row = kindCounts(byKind)[click.dataIndex];
  if (!row) return null;
  return ledgerHref('activities', { kind: row.kind, from: window.activities_from, to: window.activities_to, programme_id: programmeId });
}

/** Every activity the monthly trend counts: the whole school year. */
export function yearActivitiesTarget({ schoolYear, programmeId }: DashboardFilter): string {
  return ledgerHref('activities', { ...schoolYearRange(schoolYear), programme_id: programmeId });
}

/**
 * A month of the trend (`monthly` in the chart's order): its activity bar → that month's activities
 * (first to last day). The check-in line leads nowhere: check-ins are listed per rotation.
 */
export function monthlyTarget({ programmeId }: DashboardFilter, monthly: readonly Pick<MonthPoint, 'month'>[], click: ChartClick): string | null {
  if (click.seriesIndex !== 0) return null;
  const point = monthly[click.dataIndex];
  const range = point ? monthRange(point.month) : null;
  return range ? ledgerHref('activities', { ...range, programme_id: programmeId }) : null;
}

/** A bar of the compliance chart → that pair's agreement (`pairs` in the chart's order). */
export function complianceTarget(pairs: readonly PairCompliance[], click: ChartClick): string | null {
  const p = pairs[click.dataIndex];
  return p ? `/agreements/${p.agreement_id}` : null;
}

/** A subject's bar → the rotations of the year whose teachers teach that subject. */
export function subjectTarget(
  { schoolYear }: DashboardFilter,
  subjects: readonly { subject: string }[],
  click: ChartClick,
): string {
  return href('/rotations', { school_year: schoolYear, subject: subjects[click.dataIndex]?.subject });
}

/** A school in the network → its page; an arrow → the agreement between the two. */
export function networkTarget(data: { nodes: readonly NetworkNode[]; edges: readonly NetworkEdge[] }, click: ChartClick): string | null {
  if (click.dataType === 'edge') {
    const e = data.edges[click.dataIndex];
    return e ? `/agreements/${e.agreement_id}` : null;
  }
  if (click.dataType === 'node') {
    const n = data.nodes[click.dataIndex];
    return n ? `/schools/${n.school_id}` : null;
  }
  return null;
}
