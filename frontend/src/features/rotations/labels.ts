// Pure helpers of the rotation pages: tag colours, the server's allowed actions in a stable order,
// the attendance rate, the pairing sides an agreement fixes, and running one step per item. (The
// attendance month grid is src/lib/attendanceMonths.ts, shared with the phone screens.)
import type {
  Agreement,
  AttendanceState,
  EvaluationGrade,
  LeaveAction,
  LeaveStatus,
  RotationAction,
  RotationDirection,
  RotationStatus,
} from '../../api/types';
import { LEAVE_ACTIONS, ROTATION_ACTIONS } from '../../api/types';
import { oneOf } from '../../lib/listState';

/** Blue while waiting for approval, cyan approved, green on site, purple done, grey withdrawn. */
export const ROTATION_STATUS_COLOR: Record<RotationStatus, string> = {
  planned: 'processing',
  approved: 'cyan',
  active: 'success',
  completed: 'purple',
  withdrawn: 'default',
};

export const LEAVE_STATUS_COLOR: Record<LeaveStatus, string> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'error',
};

export const GRADE_COLOR: Record<EvaluationGrade, string> = {
  excellent: 'success',
  good: 'processing',
  pass: 'default',
  fail: 'error',
};

/** Day colours of the attendance grid (background) — the legend uses the same. */
export const ATTENDANCE_HEX: Record<AttendanceState, string> = {
  present: '#d9f7be',
  leave: '#fff1b8',
  absent: '#ffccc7',
  pending: '#e6f4ff',
  upcoming: '#ffffff',
  no_school: '#f0f0f0',
};

/** The rotation steps the server allows this caller now, in lifecycle order (unknown ones dropped). */
export function knownRotationActions(allowed: readonly string[]): RotationAction[] {
  return ROTATION_ACTIONS.filter((a) => allowed.includes(a));
}

/** Withdrawing needs a reason (the server answers 422 without one); it is also the one red button. */
export function rotationActionNeedsReason(action: RotationAction): boolean {
  return action === 'withdraw';
}

export function knownLeaveActions(allowed: readonly string[]): LeaveAction[] {
  return LEAVE_ACTIONS.filter((a) => allowed.includes(a));
}

/** An attendance rate (0–1) as a percentage with one decimal; null when there are no days yet. */
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return Math.round(rate * 1000) / 10;
}

type Pair = Pick<Agreement, 'supporting_school_id' | 'receiving_school_id'>;

/** The agreements (already active ones) that pair exactly these two schools, either way round. */
export function agreementsBetween<T extends Pair>(agreements: readonly T[], a: number | undefined, b: number | undefined): T[] {
  if (a === undefined || b === undefined || a === b) return [];
  return agreements.filter(
    (x) => (x.supporting_school_id === a && x.receiving_school_id === b) || (x.supporting_school_id === b && x.receiving_school_id === a),
  );
}

/**
 * The direction an agreement fixes for a rotation from `fromId`: the supporting school dispatches
 * (支教) to the receiving one; the receiving school's teachers go the other way to train (跟岗).
 */
export function directionFor(agreement: Pair, fromId: number | undefined): RotationDirection | null {
  if (fromId === agreement.supporting_school_id) return 'dispatch';
  if (fromId === agreement.receiving_school_id) return 'training';
  return null;
}

export interface Outcome<T> {
  item: T;
  ok: boolean;
  /** What went wrong, for the summary (only when !ok). */
  error?: string;
}

/**
 * Take one step per item, one after another (each its own request, so one refusal does not stop the
 * rest), reporting progress after each; resolves with every item's outcome in input order.
 */
export async function runInTurn<T>(
  items: readonly T[],
  step: (item: T) => Promise<unknown>,
  describe: (error: unknown) => string,
  onProgress?: (done: number, total: number) => void,
): Promise<Outcome<T>[]> {
  const out: Outcome<T>[] = [];
  for (const item of items) {
    try {
      await step(item);
      out.push({ item, ok: true });
    } catch (e) {
      out.push({ item, ok: false, error: describe(e) });
    }
    onProgress?.(out.length, items.length);
  }
  return out;
}

const NEXT_ACTORS = ['bureau', 'receiving_school', 'supporting_school'] as const;
export type NextActor = (typeof NEXT_ACTORS)[number];

/** Whose step a rotation waits for (the server's next_actor), when it is one this page can name. */
export function asNextActor(v: string | null | undefined): NextActor | undefined {
  return v ? oneOf(NEXT_ACTORS, v) : undefined;
}

/**
 * The term a new proposal most likely means: during the autumn term (September–January) the coming
 * spring term of the same school year; otherwise the autumn term of the next school year.
 */
export function nextTerm(today: Date): { term: 'autumn' | 'spring'; schoolYear: number } {
  const m = today.getMonth();
  const y = today.getFullYear();
  if (m >= 8) return { term: 'spring', schoolYear: y };
  if (m === 0) return { term: 'spring', schoolYear: y - 1 };
  return { term: 'autumn', schoolYear: y };
}
