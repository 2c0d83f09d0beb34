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

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Money in yuan from the API's decimal string (or a number): "1358" → "¥1,358.00". Done on the
 * digits, not through floating point, so large sums keep every fen.
 */
export function formatYuan(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return EMPTY;
  const s = typeof v === 'number' ? v.toFixed(2) : v.trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return EMPTY;
  const [, sign, whole, frac = ''] = m;
  // round half up to two decimals
  let cents = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  if ((frac[2] ?? '0') >= '5') cents += 1n;
  const yuan = (cents / 100n).toString();
  const fen = (cents % 100n).toString().padStart(2, '0');
  const negative = sign === '-' && cents !== 0n;
  return `${negative ? '-' : ''}¥${groupThousands(yuan)}.${fen}`;
}

/** A share between 0 and 1 from the API ("0.10") as a percentage: "10%", "12.5%". */
export function formatShare(v: string | number | null | undefined): string {
  const p = percentFromShare(v);
  return p === null ? EMPTY : `${p}%`;
}

/** "0.10" → 10 (for an input in percent); null when not a number. */
export function percentFromShare(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return null;
  return Math.round(n * 10000) / 100;
}

/** 12.5 (percent) → "0.125", the decimal string the API takes. */
export function shareFromPercent(p: number): string {
  return String(Math.round(p * 100) / 10000);
}

/** A file size for people: "812.4 KB", "3.2 MB" (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return EMPTY;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 0.1 && bytes > 0 ? '0.1' : kb.toFixed(1)} KB`;
  return `${(kb / 1024).toFixed(1)} MB`;
}
