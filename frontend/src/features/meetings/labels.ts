import type { ComplianceRow, ComplianceStatus, MeetingStatus, MeetingSummary, MinutesAction, MinutesStatus } from '../../api/types';
import { MINUTES_ACTIONS } from '../../api/types';

/** Tag colours: blue while planned, green once held, grey when cancelled. */
export const MEETING_STATUS_COLOR: Record<MeetingStatus, string> = {
  planned: 'processing',
  held: 'success',
  cancelled: 'default',
};

/** The same in plain colours, for the calendar's dots and bars. */
export const MEETING_STATUS_HEX: Record<MeetingStatus, string> = {
  planned: '#1677ff',
  held: '#52c41a',
  cancelled: '#bfbfbf',
};

/** Minutes: amber while waiting for the other school's confirmation, green once final. */
export const MINUTES_STATUS_COLOR: Record<MinutesStatus, string> = {
  draft: 'warning',
  final: 'success',
};

/** Red / amber / green per pair. */
export const COMPLIANCE_COLOR: Record<ComplianceStatus, string> = {
  compliant: 'success',
  at_risk: 'warning',
  non_compliant: 'error',
};

export const COMPLIANCE_HEX: Record<ComplianceStatus, string> = {
  compliant: '#52c41a',
  at_risk: '#faad14',
  non_compliant: '#ff4d4f',
};

/** Worst first: what the bureau should look at. */
const SEVERITY: Record<ComplianceStatus, number> = { non_compliant: 0, at_risk: 1, compliant: 2 };

export function byComplianceSeverity(a: Pick<ComplianceRow, 'status' | 'title'>, b: Pick<ComplianceRow, 'status' | 'title'>): number {
  return SEVERITY[a.status] - SEVERITY[b.status] || a.title.localeCompare(b.title, 'zh-CN');
}

/** The minutes steps the server allows this caller now, in a stable order (unknown ones dropped). */
export function knownMinutesActions(allowed: readonly string[]): MinutesAction[] {
  return MINUTES_ACTIONS.filter((a) => allowed.includes(a));
}

/** The day a meeting is shown on: when it was held, else when it is planned for. */
export function meetingDay(m: Pick<MeetingSummary, 'held_date' | 'scheduled_date'>): string {
  return m.held_date ?? m.scheduled_date;
}

/** Meetings grouped by their day (YYYY-MM-DD), each day in date order. */
export function groupByDay<T extends Pick<MeetingSummary, 'held_date' | 'scheduled_date' | 'id'>>(meetings: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const m of [...meetings].sort((a, b) => meetingDay(a).localeCompare(meetingDay(b)) || a.id - b.id)) {
    const day = meetingDay(m);
    out.set(day, [...(out.get(day) ?? []), m]);
  }
  return out;
}

function iso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * The days a month calendar shows: six whole weeks from the week holding the 1st.
 * `month` is 0-based (January = 0); `weekStart` 0 = Sunday, 1 = Monday.
 */
export function monthGridRange(year: number, month: number, weekStart: number): { from: string; to: string } {
  const first = new Date(year, month, 1);
  const back = (first.getDay() - weekStart + 7) % 7;
  const start = new Date(year, month, 1 - back);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 41);
  return { from: iso(start), to: iso(end) };
}

/** A calendar year, for the calendar's year view. */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** "2026-11" from the URL, or the month of `today` when missing or malformed. */
export function parseMonth(v: string | null | undefined, today: Date): { year: number; month: number } {
  const m = v ? /^(\d{4})-(\d{2})$/.exec(v) : null;
  if (m) {
    const month = Number(m[2]) - 1;
    if (month >= 0 && month <= 11) return { year: Number(m[1]), month };
  }
  return { year: today.getFullYear(), month: today.getMonth() };
}

/** A day that cannot be a held date: after today. */
export function isAfterToday(day: string, today: Date): boolean {
  return day > iso(today);
}

/** The compliance rate (0–1) as a whole or one-decimal percentage. */
export function ratePercent(rate: number): number {
  return Math.round(rate * 1000) / 10;
}
