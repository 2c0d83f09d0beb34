// Pure: which month the bulletin shows. Months are "2026-10" strings; "now" is read in the schools'
// time zone (the server counts a month in local time: an approval at 04:00 on 1 November in Beijing
// is November's), so a browser elsewhere still opens the month the bureau means.

/** The schools' time zone: the server's default (`Settings.timezone`). */
export const SCHOOL_TIME_ZONE = 'Asia/Shanghai';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(v: string | null | undefined): v is string {
  return typeof v === 'string' && MONTH.test(v);
}

/** The month (2026-12) it is at `now` in `timeZone`. */
export function monthAt(now: Date, timeZone: string = SCHOOL_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = parts.find((p) => p.type === 'year')?.value ?? String(now.getUTCFullYear());
  const month = parts.find((p) => p.type === 'month')?.value ?? String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}-${month}`;
}

/** "2026-01" shifted by `by` months: (2026-01, -1) → 2025-12. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The bulletin opened by default: last month's, in the schools' calendar. */
export function defaultMonth(now: Date, timeZone: string = SCHOOL_TIME_ZONE): string {
  return shiftMonth(monthAt(now, timeZone), -1);
}

/** The month a bulletin may be asked for at most: the one under way (a bulletin of the future is empty). */
export function latestMonth(now: Date, timeZone: string = SCHOOL_TIME_ZONE): string {
  return monthAt(now, timeZone);
}

/** The month from the URL when it is a real month not after the current one, else the default. */
export function pickMonth(param: string | null | undefined, now: Date, timeZone: string = SCHOOL_TIME_ZONE): string {
  return isMonth(param) && param <= latestMonth(now, timeZone) ? param : defaultMonth(now, timeZone);
}

/** "2026-10" as the bulletin's heading says it: "2026年10月" (zh-CN), "October 2026" (en). */
export function monthTitle(month: string, language: string): string {
  if (!isMonth(month)) return month;
  const [y, m] = month.split('-').map(Number);
  const locale = language.startsWith('zh') ? 'zh-CN' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
