import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readListState, writeListState, type ListState } from '../lib/listState';

/**
 * The list's page/search/sort/filters, kept in the URL. Changing filters or search resets to page 1.
 * `keep` names other query parameters of the page to carry over (e.g. the detail page's tab).
 */
export function useListState(filterKeys: readonly string[], keep: readonly string[] = []) {
  const [sp, setSp] = useSearchParams();
  const state = useMemo(() => readListState(sp, filterKeys), [sp, filterKeys]);

  const update = useCallback(
    (patch: Partial<ListState>) => {
      const next: ListState = { ...state, ...patch };
      if (patch.q !== undefined || patch.filters !== undefined || patch.pageSize !== undefined) {
        if (patch.page === undefined) next.page = 1;
      }
      const out = writeListState(next);
      for (const k of keep) {
        const v = sp.get(k);
        if (v !== null) out.set(k, v);
      }
      setSp(out, { replace: true });
    },
    [state, setSp, sp, keep],
  );

  const setFilter = useCallback(
    (name: string, value: string | undefined | null) => {
      const filters = { ...state.filters };
      if (value === undefined || value === null || value === '') delete filters[name];
      else filters[name] = value;
      update({ filters });
    },
    [state, update],
  );

  const hasFilters = state.q !== '' || Object.keys(state.filters).length > 0;
  const clear = useCallback(() => update({ q: '', filters: {} }), [update]);

  return { state, update, setFilter, hasFilters, clear };
}
