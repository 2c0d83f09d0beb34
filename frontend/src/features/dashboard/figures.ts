// Pure: how the dashboard writes its numbers — grouped the Chinese way (1,358), money as 1,358.50 元.
import { EMPTY, formatYuan } from '../../lib/format';

const COUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 1358 → "1,358". */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? EMPTY : COUNT.format(n);
}

/** The API's decimal string "3358.5" → "3,358.50" (the digits, no floating point; the unit is shown apart). */
export function yuanAmount(v: string | number | null | undefined): string {
  const s = formatYuan(v);
  return s === EMPTY ? EMPTY : s.replace('¥', '');
}

/** Covered of all as a whole percentage for a progress bar; 0 when there is nothing to cover. */
export function coveragePercent(covered: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((covered / total) * 100));
}

/** "2026-09" → "9月" (zh-CN) or "Sep" (en): the month on the trend's axis. */
export function monthLabel(ym: string, language: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' }).format(d);
}

/** The month of a day in local time: "2026-12". */
export function isoMonth(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * What the activities by kind count: the term running today, or — for another school year — the whole
 * school year (2026: 2026-09-01 … 2027-08-31), as the summary's window says.
 */
export function activityWindow(s: { school_year: number; activities_from: string; activities_to: string }): 'term' | 'year' {
  return s.activities_from === `${s.school_year}-09-01` && s.activities_to === `${s.school_year + 1}-08-31` ? 'year' : 'term';
}

export interface DateRange {
  from: string;
  to: string;
}

/** A school year's days: 2026 → 2026-09-01 … 2027-08-31 (what the dashboard's year figures count). */
export function schoolYearRange(schoolYear: number): DateRange {
  return { from: `${schoolYear}-09-01`, to: `${schoolYear + 1}-08-31` };
}

/** A month's days: "2027-02" → 2027-02-01 … 2027-02-28 (29 in a leap year); null for anything else. */
export function monthRange(ym: string): DateRange | null {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  // day 0 of the next month is the last day of this one
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}` };
}
