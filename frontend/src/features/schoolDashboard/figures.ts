// Pure: how the school admin's landing page arranges what the lists answered.
import type { ActionItem, Agreement, AgreementStatus, ComplianceRow, ComplianceStatus, MeetingSummary } from '../../api/types';

export type Side = 'supporting' | 'receiving';

/** Our side of a pair, and the other school's name. */
export function sideOf(a: Pick<Agreement, 'supporting_school_id' | 'supporting_school_name' | 'receiving_school_name'>, schoolId: number): {
  side: Side;
  partner: string;
} {
  return a.supporting_school_id === schoolId
    ? { side: 'supporting', partner: a.receiving_school_name }
    : { side: 'receiving', partner: a.supporting_school_name };
}

/**
 * The meeting compliance report narrowed to one pair: a school admin sees its own pairs only, so the
 * partner school (either party, as the report filters) leaves just the pair — and its renewals.
 */
export function pairComplianceHref(
  a: Pick<Agreement, 'supporting_school_id' | 'receiving_school_id'>,
  schoolId: number,
  schoolYear: number,
): string {
  const partner = a.supporting_school_id === schoolId ? a.receiving_school_id : a.supporting_school_id;
  return `/compliance/meetings?school_year=${schoolYear}&school_id=${partner}`;
}

/** Pairs in force first, then those still being signed, then the finished ones; newest first within. */
const STATUS_RANK: Partial<Record<AgreementStatus, number>> = { active: 0, completed: 3, terminated: 3 };
export function sortPairs<T extends Pick<Agreement, 'status' | 'start_date' | 'id'>>(pairs: readonly T[]): T[] {
  const rank = (s: AgreementStatus) => STATUS_RANK[s] ?? 1;
  return [...pairs].sort((a, b) => rank(a.status) - rank(b.status) || b.start_date.localeCompare(a.start_date) || b.id - a.id);
}

/** Each pair's meeting compliance of the year. */
export function complianceByAgreement(rows: readonly Pick<ComplianceRow, 'agreement_id' | 'status'>[]): Map<number, ComplianceStatus> {
  return new Map(rows.map((r) => [r.agreement_id, r.status]));
}

/** Each pair's next planned meeting: the earliest scheduled one. */
export function nextMeetingByAgreement<T extends Pick<MeetingSummary, 'agreement_id' | 'scheduled_date' | 'status'>>(
  meetings: readonly T[],
): Map<number, T> {
  const out = new Map<number, T>();
  for (const m of meetings) {
    if (m.status !== 'planned') continue;
    const seen = out.get(m.agreement_id);
    if (!seen || m.scheduled_date < seen.scheduled_date) out.set(m.agreement_id, m);
  }
  return out;
}

/** Overdue items first, each group by due date (earliest first). */
export function overdueFirst<T extends Pick<ActionItem, 'overdue' | 'due_date' | 'id'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due_date.localeCompare(b.due_date) || a.id - b.id);
}
