// A list page's state (page, page size, search, sort, filters) lives in the URL, so lists can
// be linked to (e.g. a school's teachers: /teachers?school_id=5) and survive a reload.

export interface ListState {
  page: number;
  pageSize: number;
  q: string;
  sort: string | null;
  filters: Record<string, string>;
}

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

function positiveInt(v: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = v === null ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : fallback;
}

export function readListState(sp: URLSearchParams, filterKeys: readonly string[]): ListState {
  const filters: Record<string, string> = {};
  for (const k of filterKeys) {
    const v = sp.get(k);
    if (v !== null && v !== '') filters[k] = v;
  }
  return {
    page: positiveInt(sp.get('page'), 1),
    pageSize: positiveInt(sp.get('page_size'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    q: sp.get('q') ?? '',
    sort: sp.get('sort') || null,
    filters,
  };
}

export function writeListState(state: ListState): URLSearchParams {
  const sp = new URLSearchParams();
  if (state.q) sp.set('q', state.q);
  for (const [k, v] of Object.entries(state.filters)) if (v !== '') sp.set(k, v);
  if (state.sort) sp.set('sort', state.sort);
  if (state.page > 1) sp.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) sp.set('page_size', String(state.pageSize));
  return sp;
}

/** limit/offset/q/sort for the API (filters are converted by each feature, they have types). */
export function pagingParams(state: ListState): { limit: number; offset: number; q?: string; sort?: string } {
  return {
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
    ...(state.q ? { q: state.q } : {}),
    ...(state.sort ? { sort: state.sort } : {}),
  };
}

export type SortOrder = 'ascend' | 'descend' | null;

/** Ant Design table sort → API sort string ("name" / "-name"), null to clear. */
export function sortParam(field: string | null, order: SortOrder): string | null {
  if (!field || !order) return null;
  return order === 'descend' ? `-${field}` : field;
}

/** API sort string → the order to show on one column. */
export function columnSortOrder(sort: string | null, field: string): SortOrder {
  if (!sort) return null;
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function intOrUndefined(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function boolOrUndefined(v: string | undefined): boolean | undefined {
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Narrow a string to one of the allowed values. */
export function oneOf<T extends string>(values: readonly T[], v: string | undefined): T | undefined {
  return values.find((x) => x === v);
}
