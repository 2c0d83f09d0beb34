// Pure: the scoring form (评分表) as the editor's values and back as the PATCH body. The body's
// `items` replaces the form: an item keeps its id to stay (with its scores), new ones have none.
import type { Assessment, AssessmentItemIn, AssessmentSource, AssessmentUpdate } from '../../api/types';
import { pointsParam, sumPoints, targetUse, toCents } from './points';

export interface ItemValues {
  /** Set for an item already on the form. */
  id?: number;
  title: string;
  guidance: string;
  max_points: number | null;
  source: AssessmentSource;
  target: number | null;
}

export interface FormValues {
  title: string;
  pass_threshold: number | null;
  items: ItemValues[];
}

function num(v: string | number | null | undefined): number | null {
  const c = toCents(v);
  return c === null ? null : c / 100;
}

export function formValuesOf(a: Pick<Assessment, 'title' | 'pass_threshold' | 'items'>): FormValues {
  return {
    title: a.title,
    pass_threshold: num(a.pass_threshold),
    items: [...a.items]
      .sort((x, y) => x.position - y.position)
      .map((i) => ({
        id: i.id,
        title: i.title,
        guidance: i.guidance,
        max_points: num(i.max_points),
        source: i.source,
        target: i.target,
      })),
  };
}

/** A blank row for "add an item": scored by inspectors, 10 points. */
export function newItem(): ItemValues {
  return { title: '', guidance: '', max_points: 10, source: 'manual', target: null };
}

function itemBody(v: ItemValues): AssessmentItemIn {
  const use = targetUse(v.source);
  return {
    ...(v.id !== undefined && v.id !== null ? { id: v.id } : {}),
    title: v.title.trim(),
    guidance: (v.guidance ?? '').trim(),
    max_points: pointsParam(v.max_points ?? 0),
    source: v.source,
    // meetings follow the programme's requirement and manual items have none: never send one
    target: use === 'none' ? null : (v.target ?? null),
  };
}

/** The editor's values as the PATCH body (title, pass mark and the whole form, in the shown order). */
export function updateBody(v: FormValues): AssessmentUpdate {
  return {
    title: v.title.trim(),
    pass_threshold: pointsParam(v.pass_threshold ?? 0),
    items: v.items.map(itemBody),
  };
}

/** Full marks of the form as it stands in the editor (rows still being typed count what they have). */
export function maxTotalOf(items: readonly (Partial<ItemValues> | undefined)[] | undefined): string {
  return sumPoints((items ?? []).map((i) => i?.max_points ?? null));
}
