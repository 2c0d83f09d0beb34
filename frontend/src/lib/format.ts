import dayjs from 'dayjs';

export const EMPTY = '—';

/** Dates are shown as 2026-09-01 in every language. */
export function formatDate(v: string | null | undefined): string {
  if (!v) return EMPTY;
  const d = dayjs(v);
  return d.isValid() ? d.format('YYYY-MM-DD') : EMPTY;
}

export function formatDateTime(v: string | null | undefined): string {
  if (!v) return EMPTY;
  const d = dayjs(v);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : EMPTY;
}

export function orEmpty(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? EMPTY : String(v);
}
