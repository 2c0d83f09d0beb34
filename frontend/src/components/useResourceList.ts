import type { Page } from '../api/types';
import { columnSortOrder, type ListState } from '../lib/listState';
import { useListState } from './useListState';

/**
 * Everything a server-paged list page wires the same way: the URL-kept state, the API params made
 * from it, sortable columns, filter bindings (for FilterSelect and the like) and DataList's paging props.
 * The page still runs its own query with `params`.
 */
export function useResourceList<P>(filterKeys: readonly string[], toParams: (state: ListState) => P, keep: readonly string[] = []) {
  const controls = useListState(filterKeys, keep);
  const { state, update, setFilter, hasFilters, clear } = controls;
  return {
    ...controls,
    params: toParams(state),
    /** Props that make a table column sortable by the API field of the same name. */
    sortable: (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) }),
    /** value/onChange of a filter control bound to one URL filter. */
    filter: (name: string) => ({ value: state.filters[name], onChange: (v?: string) => setFilter(name, v) }),
    /** DataList's items, paging and "clear filters" props from the list's query. */
    dataListProps: <T>(query: { data?: Page<T>; isFetching: boolean }) => ({
      items: query.data?.items ?? [],
      total: query.data?.total ?? 0,
      loading: query.isFetching,
      state,
      onChange: update,
      hasFilters,
      onClearFilters: clear,
    }),
  };
}

export type ResourceList = ReturnType<typeof useResourceList<unknown>>;
