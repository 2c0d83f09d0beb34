import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { Assessment, AssessmentCreate, AssessmentResult, AssessmentRow, AssessmentUpdate, SheetWrite } from '../../api/types';
import { ASSESSMENT_STATUSES } from '../../api/types';
import { intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';

/** The URL filters of /assessments (the API's query names). */
export const ASSESSMENT_FILTERS = ['school_year', 'programme_id', 'status'] as const;
export const ASSESSMENT_SORTS = ['school_year', '-school_year', 'title', '-title'] as const;

export function assessmentListParams(state: ListState) {
  const f = state.filters;
  const paging = pagingParams(state);
  return {
    ...paging,
    sort: oneOf(ASSESSMENT_SORTS, paging.sort),
    school_year: intOrUndefined(f.school_year),
    programme_id: intOrUndefined(f.programme_id),
    status: oneOf(ASSESSMENT_STATUSES, f.status),
  };
}
export type AssessmentListParams = ReturnType<typeof assessmentListParams>;

export const assessmentKeys = {
  all: ['assessments'] as const,
  lists: () => [...assessmentKeys.all, 'list'] as const,
  list: (params: AssessmentListParams) => [...assessmentKeys.lists(), params] as const,
  detail: (id: number) => [...assessmentKeys.all, 'detail', id] as const,
  results: (id: number) => [...assessmentKeys.all, 'results', id] as const,
};

export function useAssessmentList(params: AssessmentListParams) {
  return useQuery({
    queryKey: assessmentKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/assessments', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useAssessment(id: number | null) {
  return useQuery({
    queryKey: assessmentKeys.detail(id ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/assessments/{assessment_id}', { params: { path: { assessment_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

/** Every pair's row, ranked, with the summary (a school sees its own pairs). */
export function useAssessmentResults(id: number | null) {
  return useQuery({
    queryKey: assessmentKeys.results(id ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/assessments/{assessment_id}/results', { params: { path: { assessment_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

/** One pair's sheet afresh (after a 412: someone else saved it meanwhile). */
export async function fetchSheet(assessmentId: number, agreementId: number): Promise<AssessmentRow> {
  return unwrap(
    await api.GET('/api/v1/assessments/{assessment_id}/sheets/{agreement_id}', {
      params: { path: { assessment_id: assessmentId, agreement_id: agreementId } },
    }),
  );
}

/** Put a changed row into the cached results (its total may move it: ranks are the server's, refetched). */
export function withRow(result: AssessmentResult, row: AssessmentRow): AssessmentResult {
  return { ...result, rows: result.rows.map((r) => (r.agreement_id === row.agreement_id ? row : r)) };
}

function useSetAssessment() {
  const qc = useQueryClient();
  return (a: Assessment) => {
    qc.setQueryData(assessmentKeys.detail(a.id), a);
    return qc.invalidateQueries({ queryKey: assessmentKeys.all, refetchType: 'active' });
  };
}

export function useCreateAssessment() {
  const set = useSetAssessment();
  return useMutation({
    mutationFn: async (body: AssessmentCreate) => unwrap(await api.POST('/api/v1/assessments', { body })),
    onSuccess: set,
  });
}

export function useUpdateAssessment(id: number) {
  const set = useSetAssessment();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: AssessmentUpdate }) =>
      unwrap(
        await api.PATCH('/api/v1/assessments/{assessment_id}', {
          params: { path: { assessment_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: set,
  });
}

export function usePublishAssessment(id: number) {
  const set = useSetAssessment();
  return useMutation({
    mutationFn: async (version: number) =>
      unwrap(
        await api.POST('/api/v1/assessments/{assessment_id}/publish', {
          params: { path: { assessment_id: id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: set,
  });
}

export function useScoreSheet(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ agreementId, version, body }: { agreementId: number; version: number; body: SheetWrite }) =>
      unwrap(
        await api.PUT('/api/v1/assessments/{assessment_id}/sheets/{agreement_id}', {
          params: { path: { assessment_id: id, agreement_id: agreementId } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (row) => {
      qc.setQueryData<AssessmentResult>(assessmentKeys.results(id), (old) => (old ? withRow(old, row) : old));
      return qc.invalidateQueries({ queryKey: assessmentKeys.results(id), refetchType: 'active' });
    },
  });
}
