// Pure: where each KPI card and chart element leads — the list behind the figure, filtered with the
// URL parameters that list page reads (its useListState / search-param filters).
import type { NetworkEdge, NetworkNode, PairCompliance } from '../../api/types';
import type { ChartClick } from './chartTypes';

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
 * Each card's list:
 * - active pairs → the agreements in force (of the programme);
 * - receiving schools covered → the weak schools (the school list filters by is_weak only);
 * - teachers on rotation → the rotations under way today;
 * - teacher-days and the rotation share → rotation compliance of the year (and programme);
 * - meeting compliance → meeting compliance of the year (and programme);
 * - donations → the agreements running in the year (each one's ledger lists its donations);
 * - overdue follow-up items → the follow-up items list, open and overdue only.
 */
export function kpiTargets({ schoolYear, programmeId }: DashboardFilter): Record<KpiKey, string> {
  const rotationCompliance = href('/compliance/rotations', { school_year: schoolYear, programme_id: programmeId });
  return {
    active_agreements: href('/agreements', { status: 'active', programme_id: programmeId }),
    receiving_covered: href('/schools', { is_weak: 'true' }),
    teachers_on_rotation: href('/rotations', { status: 'active' }),
    teacher_days: rotationCompliance,
    meeting_compliance: href('/compliance/meetings', { school_year: schoolYear, programme_id: programmeId }),
    rotation_share: rotationCompliance,
    donations: href('/agreements', { school_year: schoolYear, programme_id: programmeId }),
    overdue_items: href('/follow-up-items', { status: 'open', overdue: 'true' }),
  };
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
