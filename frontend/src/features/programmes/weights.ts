// The five weights (points) a host school's evaluation of a rotated teacher uses; they must add up
// to 100 (the API checks the same). Criteria and their order come from src/api/types.ts.
import type { Criterion, EvaluationWeights } from '../../api/types';
import { CRITERIA } from '../../api/types';

/** The server's defaults for a new programme. */
export const DEFAULT_WEIGHTS: EvaluationWeights = { attitude: 20, attendance: 20, teaching: 30, results: 20, contribution: 10 };

type LooseWeights = Partial<Record<keyof EvaluationWeights, number | null | undefined>> | null | undefined;

/** A form's five numbers per criterion (weights or scores alike), the empty ones as 0. */
export function perCriterion(v: NonNullable<LooseWeights>): Record<Criterion, number> {
  return {
    attitude: v.attitude ?? 0,
    attendance: v.attendance ?? 0,
    teaching: v.teaching ?? 0,
    results: v.results ?? 0,
    contribution: v.contribution ?? 0,
  };
}

/** The sum of the five weights (the form's rule: exactly 100, as the API checks). */
export function weightsTotal(w: LooseWeights): number {
  if (!w) return 0;
  return CRITERIA.reduce((sum, c) => sum + (typeof w[c] === 'number' && Number.isFinite(w[c]) ? (w[c] as number) : 0), 0);
}

/** Weights are whole points from 0 to 100 that add up to 100. */
export function weightsValid(w: LooseWeights): boolean {
  if (!w) return false;
  return (
    CRITERIA.every((c) => {
      const v = w[c];
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;
    }) && weightsTotal(w) === 100
  );
}

export function sameWeights(a: EvaluationWeights | null | undefined, b: EvaluationWeights | null | undefined): boolean {
  if (!a || !b) return a === b;
  return CRITERIA.every((c) => a[c] === b[c]);
}

