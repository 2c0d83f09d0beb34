import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
/** The URL filters of /follow-up-items (the API's query names). */
export const FOLLOW_UP_FILTERS = ['status', 'overdue', 'agreement_id', 'owner_school_id'] as const;
export const FOLLOW_UP_SORTS = ['due_date', '-due_date'] as const;

/** The list's URL state → the API's query: only known values pass; "only overdue" is `overdue=true`. */
export function followUpParams(state: ListState) {
  const f = state.filters;
  const paging = pagingParams(state);
  return {
    ...paging,
    sort: oneOf(FOLLOW_UP_SORTS, paging.sort),
    status: oneOf(ACTION_ITEM_STATUSES, f.status),
    overdue: f.overdue === 'true' ? true : undefined,
    agreement_id: intOrUndefined(f.agreement_id),
    owner_school_id: intOrUndefined(f.owner_school_id),
  };
}
export type FollowUpParams = ReturnType<typeof followUpParams>;

export const followUpKeys = {
  all: ['meetings', 'list', 'action-items'] as const,
  list: (params: FollowUpParams) => [...followUpKeys.all, params] as const,
};

export function useFollowUps(params: FollowUpParams, enabled = true) {
  return useQuery({
    // under the meetings' list key, so recording a meeting refreshes it too
    queryKey: followUpKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/action-items', { params: { query: params } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Link to the list with these filters (the same names the page reads). */
export function followUpsHref(filters: { status?: 'open' | 'done'; overdue?: boolean; owner_school_id?: number }): string {
  const sp = new URLSearchParams();
  if (filters.status) sp.set('status', filters.status);
  if (filters.overdue) sp.set('overdue', 'true');
  if (filters.owner_school_id !== undefined) sp.set('owner_school_id', String(filters.owner_school_id));
  const q = sp.toString();
  return q ? `/follow-up-items?${q}` : '/follow-up-items';
}
