// Pure: the API's decimal strings of points ("12.50") read, added and shown without floating-point
// drift (worked in hundredths), and the labels a pair and an item's source get.
import type { AssessmentRow, AssessmentSource } from '../../api/types';
import { EMPTY } from '../../lib/format';

/** "12.50" or 12.5 → 1250 hundredths; null when not a number. */
export function toCents(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/** Hundredths as a short figure: 6000 → "60", 1250 → "12.5", 1225 → "12.25". */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/** Points as the API gives them, shown short: "60.00" → "60", "12.50" → "12.5"; "—" when none. */
export function formatPoints(v: string | number | null | undefined): string {
  const c = toCents(v);
  return c === null ? EMPTY : centsText(c);
}

/** The sum of some points (blank ones count nothing), shown short. */
export function sumPoints(values: readonly (string | number | null | undefined)[]): string {
  return centsText(values.reduce<number>((s, v) => s + (toCents(v) ?? 0), 0));
}

/** A number from an input as the decimal string the API takes (two decimals at most): 7.5 → "7.5". */
export function pointsParam(n: number): string {
  return centsText(Math.round(n * 100));
}

/** "Supporting school → receiving school". */
export function pairName(row: Pick<AssessmentRow, 'supporting_school_name' | 'receiving_school_name'>): string {
  return `${row.supporting_school_name} → ${row.receiving_school_name}`;
}

/** Whether an item of this source takes a target (the count earning full points). */
export type TargetUse = 'required' | 'optional' | 'none';

export function targetUse(source: AssessmentSource): TargetUse {
  if (source === 'rotations' || source === 'activities') return 'required';
  if (source === 'goals') return 'optional';
  return 'none';
}

/** At most two decimals (what the API stores): 7.5 and 7.25 pass, 7.125 does not. */
export function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
}
