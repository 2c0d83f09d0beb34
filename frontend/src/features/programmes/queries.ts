import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { Programme, ProgrammeCreate, ProgrammeUpdate } from '../../api/types';
import { pagingParams, type ListState } from '../../lib/listState';

export const PROGRAMME_FILTERS = [] as const;

export function programmeListParams(state: ListState) {
  return { ...pagingParams(state) };
}
export type ProgrammeListParams = ReturnType<typeof programmeListParams>;

export const programmeKeys = {
  all: ['programmes'] as const,
  lists: () => [...programmeKeys.all, 'list'] as const,
  list: (params: ProgrammeListParams) => [...programmeKeys.lists(), params] as const,
  options: () => [...programmeKeys.all, 'options'] as const,
  details: () => [...programmeKeys.all, 'detail'] as const,
  detail: (id: number) => [...programmeKeys.details(), id] as const,
};

export function useProgrammeList(params: ProgrammeListParams) {
  return useQuery({
    queryKey: programmeKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/programmes', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** All programmes the caller may read, newest first, for pickers and filters (a county has few). */
export function useProgrammeOptions(enabled = true) {
  return useQuery({
    queryKey: programmeKeys.options(),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/programmes', { params: { query: { limit: 200, sort: '-start_date' } } })).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useProgramme(id: number | null) {
  return useQuery({
    queryKey: programmeKeys.detail(id ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/programmes/{programme_id}', { params: { path: { programme_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useCreateProgramme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: ProgrammeCreate) => unwrap(await api.POST('/api/v1/programmes', { body })),
    onSuccess: (p) => {
      qc.setQueryData(programmeKeys.detail(p.id), p);
      return qc.invalidateQueries({ queryKey: programmeKeys.all, refetchType: 'active' });
    },
  });
}

export function useUpdateProgramme(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: ProgrammeUpdate }): Promise<Programme> =>
      unwrap(
        await api.PATCH('/api/v1/programmes/{programme_id}', {
          params: { path: { programme_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (p) => {
      qc.setQueryData(programmeKeys.detail(p.id), p);
      return qc.invalidateQueries({ queryKey: programmeKeys.all, refetchType: 'active' });
    },
  });
}
