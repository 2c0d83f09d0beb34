import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { Region, School, SchoolCreate, SchoolUpdate } from '../../api/types';
import { SCHOOL_LOCALES, STAGES } from '../../api/types';
import { boolOrUndefined, intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';

/**
 * The URL filters of /schools. `assisted` (weak, or receiving under an agreement past draft) and
 * `covered` (receiving under an agreement in force) are the dashboard's coverage figures school by
 * school; `programme_id` narrows those two to a programme and means nothing without them.
 */
export const SCHOOL_FILTERS = ['stage', 'locale', 'region_id', 'is_weak', 'assisted', 'covered', 'programme_id'] as const;

export function schoolListParams(state: ListState) {
  const f = state.filters;
  const assisted = boolOrUndefined(f.assisted);
  const covered = boolOrUndefined(f.covered);
  return {
    ...pagingParams(state),
    stage: oneOf(STAGES, f.stage),
    locale: oneOf(SCHOOL_LOCALES, f.locale),
    region_id: intOrUndefined(f.region_id),
    is_weak: boolOrUndefined(f.is_weak),
    assisted,
    covered,
    programme_id: assisted !== undefined || covered !== undefined ? intOrUndefined(f.programme_id) : undefined,
  };
}
export type SchoolListParams = ReturnType<typeof schoolListParams>;

export const schoolKeys = {
  all: ['schools'] as const,
  lists: () => [...schoolKeys.all, 'list'] as const,
  list: (params: SchoolListParams) => [...schoolKeys.lists(), params] as const,
  options: (q: string) => [...schoolKeys.all, 'options', q] as const,
  details: () => [...schoolKeys.all, 'detail'] as const,
  detail: (id: number) => [...schoolKeys.details(), id] as const,
  regions: ['regions'] as const,
};

export function useSchoolList(params: SchoolListParams) {
  return useQuery({
    queryKey: schoolKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/schools', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** Schools for a picker, searched by name. */
export function useSchoolOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: schoolKeys.options(q),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/schools', { params: { query: { q: q || undefined, limit: 50, sort: 'code' } } }))
        .items,
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useSchool(id: number | null) {
  return useQuery({
    queryKey: schoolKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/schools/{school_id}', { params: { path: { school_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useRegions() {
  return useQuery({
    queryKey: schoolKeys.regions,
    queryFn: async (): Promise<Region[]> =>
      unwrap(await api.GET('/api/v1/regions', { params: { query: { limit: 200, sort: 'name' } } })).items,
    staleTime: 60 * 60_000,
  });
}

export function useCreateSchool() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: SchoolCreate) => unwrap(await api.POST('/api/v1/schools', { body })),
    onSuccess: (school) => {
      qc.setQueryData(schoolKeys.detail(school.id), school);
      return qc.invalidateQueries({ queryKey: schoolKeys.all, refetchType: 'active' });
    },
  });
}

export function useUpdateSchool(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: SchoolUpdate }): Promise<School> =>
      unwrap(
        await api.PATCH('/api/v1/schools/{school_id}', {
          params: { path: { school_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (school) => {
      qc.setQueryData(schoolKeys.detail(school.id), school);
      return qc.invalidateQueries({ queryKey: schoolKeys.lists() });
    },
  });
}
