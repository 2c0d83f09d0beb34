// Pure: the order inspectors work through the pairs in, which pair comes next after a save, and the
// scoring form's values to and from the API's sheet.
import type { AssessmentItem, AssessmentRow, SheetWrite } from '../../api/types';
import { pointsParam, toCents } from './points';

/** The pairs to score: those not fully scored first, then the scored ones; each group by agreement. */
export function scoringOrder(rows: readonly AssessmentRow[]): AssessmentRow[] {
  return [...rows].sort((a, b) => Number(a.complete) - Number(b.complete) || a.agreement_id - b.agreement_id);
}

/**
 * The pair to open after `savedId` was saved (`rows` already hold the saved sheet): the same pair while it
 * still lacks scores, else the next pair not fully scored (by agreement, wrapping round), else null.
 */
export function nextToScore(rows: readonly AssessmentRow[], savedId: number): number | null {
  const saved = rows.find((r) => r.agreement_id === savedId);
  if (saved && !saved.complete) return savedId;
  const open = rows.filter((r) => !r.complete && r.agreement_id !== savedId).sort((a, b) => a.agreement_id - b.agreement_id);
  if (open.length === 0) return null;
  return (open.find((r) => r.agreement_id > savedId) ?? open[0]).agreement_id;
}

/** The pair to show when none is chosen (or the chosen one is not in the list): the first to score. */
export function pickPair(rows: readonly AssessmentRow[], requested: number | undefined): number | null {
  if (requested !== undefined && rows.some((r) => r.agreement_id === requested)) return requested;
  return scoringOrder(rows)[0]?.agreement_id ?? null;
}

export interface SheetValues {
  /** By item id: the manual items' points and comments. */
  scores: Record<string, { points: number | null; comment: string }>;
  remarks: string;
}

/** A pair's sheet as the scoring form's values (only the manual items are in the form). */
export function sheetValues(row: AssessmentRow, items: readonly AssessmentItem[]): SheetValues {
  const byItem = new Map(row.items.map((s) => [s.item_id, s]));
  const scores: SheetValues['scores'] = {};
  for (const item of items) {
    if (item.source !== 'manual') continue;
    const s = byItem.get(item.id);
    const cents = toCents(s?.points);
    scores[String(item.id)] = { points: cents === null ? null : cents / 100, comment: s?.comment ?? '' };
  }
  return { scores, remarks: row.remarks };
}

/** The form's values as the PUT body: the manual items given points (a blank one is left as it is). */
export function sheetBody(values: SheetValues, items: readonly AssessmentItem[]): SheetWrite {
  const scores: SheetWrite['scores'] = [];
  for (const item of items) {
    if (item.source !== 'manual') continue;
    const v = values.scores[String(item.id)];
    if (v === undefined || v.points === null || v.points === undefined) continue;
    scores.push({ item_id: item.id, points: pointsParam(v.points), comment: (v.comment ?? '').trim() });
  }
  return { scores, remarks: (values.remarks ?? '').trim() };
}

/** The ids of the items `sheetBody` sent, in order: a 422's `scores[i]` names the i-th of them. */
export function sentItemIds(body: SheetWrite): number[] {
  return body.scores.map((s) => s.item_id);
}
