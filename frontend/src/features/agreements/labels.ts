import type { AgreementStatus, GoalStatus, TransitionAction } from '../../api/types';
import { TRANSITION_ACTIONS } from '../../api/types';
import { oneOf } from '../../lib/listState';

/** Tag colours: grey while drafting, blue/cyan while signing, green in force, then neutral or red. */
export const STATUS_COLOR: Record<AgreementStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  confirmed: 'cyan',
  active: 'success',
  completed: 'purple',
  terminated: 'error',
};

export const GOAL_STATUS_COLOR: Record<GoalStatus, string> = {
  planned: 'default',
  in_progress: 'processing',
  achieved: 'success',
  missed: 'error',
};

/** Steps that need a reason (the server answers 422 without one). */
export function needsComment(action: TransitionAction): boolean {
  return action === 'reject' || action === 'terminate';
}

/** Steps shown as a warning (red) button. */
export function isDangerous(action: TransitionAction): boolean {
  return action === 'reject' || action === 'terminate';
}

/** The server's allowed_actions, keeping the steps this page knows, in a stable order. */
export function knownActions(allowed: readonly string[]): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => allowed.includes(a));
}

/** A known step name, or undefined (the timeline also holds "create", "renew", "amend"). */
export function asAction(v: string): TransitionAction | undefined {
  return oneOf(TRANSITION_ACTIONS, v);
}

/** The school year (starting year) a date falls in: 1 September to 31 August. */
export function schoolYearOf(d: Date): number {
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
}

/** School years to filter by: a few back and a few ahead of the current one. */
export function schoolYearOptions(today: Date, back = 3, ahead = 4): number[] {
  const now = schoolYearOf(today);
  const out: number[] = [];
  for (let y = now + ahead; y >= now - back; y -= 1) out.push(y);
  return out;
}

/** Share of goals achieved, 0–100 (0 when there are none). */
export function achievedPercent(goals: readonly { status: GoalStatus }[]): number {
  if (goals.length === 0) return 0;
  return Math.round((goals.filter((g) => g.status === 'achieved').length / goals.length) * 100);
}
