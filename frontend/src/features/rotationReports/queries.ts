import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, fetchBlob, unwrap } from '../../api/client';
import type { RotationStatus } from '../../api/types';
import { ROTATION_STATUSES } from '../../api/types';
import { boolOrUndefined, intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';

export interface ComplianceParams {
  school_year: number;
  programme_id?: number;
}

/** The candidates list: its URL filters besides page/search/sort (the school is the page's subject). */
export const CANDIDATE_FILTERS = ['school_id', 'school_year', 'programme_id'] as const;

export function candidateParams(state: ListState, schoolYear: number) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    school_year: schoolYear,
    school_id: intOrUndefined(f.school_id),
    programme_id: intOrUndefined(f.programme_id),
  };
}
export type CandidateParams = ReturnType<typeof candidateParams>;

export const LEDGER_FILTERS = ['school_id', 'eligible'] as const;

export function ledgerParams(state: ListState) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    school_id: intOrUndefined(f.school_id),
    eligible: boolOrUndefined(f.eligible),
  };
}
export type LedgerParams = ReturnType<typeof ledgerParams>;

export const ROSTER_FILTERS = ['school_id', 'school_year', 'status', 'tab'] as const;

export interface RosterParams {
  limit: number;
  offset: number;
  sort?: string;
  q?: string;
  school_id?: number;
  school_year?: number;
  status?: RotationStatus;
}

/** The API's largest page: a school's rotations of a year fit in it, so the two tabs split one answer. */
export const ROSTER_ALL = 200;

/**
 * The roster request. With a school (`split`), one page of everything it sends and receives, split into
 * the two tabs, sorted and paged in the browser; without one (the bureau's county view), paged by the server.
 */
export function rosterParams(state: ListState, o: { schoolYear: number | undefined; schoolId: number | undefined; split: boolean }): RosterParams {
  const paging = pagingParams(state);
  return {
    ...(o.split ? { limit: ROSTER_ALL, offset: 0, ...(paging.q ? { q: paging.q } : {}) } : paging),
    school_id: o.schoolId,
    school_year: o.schoolYear,
    status: oneOf(ROTATION_STATUSES, state.filters.status),
  };
}

export const rotationReportKeys = {
  all: ['rotation-reports'] as const,
  compliance: (p: ComplianceParams) => [...rotationReportKeys.all, 'compliance', p] as const,
  candidates: (p: CandidateParams) => [...rotationReportKeys.all, 'candidates', p] as const,
  ledger: (p: LedgerParams) => [...rotationReportKeys.all, 'ledger', p] as const,
  serviceRecord: (teacherId: number) => [...rotationReportKeys.all, 'service-record', teacherId] as const,
  archive: (teacherId: number) => [...rotationReportKeys.all, 'archive', teacherId] as const,
  roster: (p: RosterParams) => [...rotationReportKeys.all, 'roster', p] as const,
};

export function useRotationCompliance(params: ComplianceParams) {
  return useQuery({
    queryKey: rotationReportKeys.compliance(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/compliance/rotations', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useRotationCandidates(params: CandidateParams) {
  return useQuery({
    queryKey: rotationReportKeys.candidates(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/compliance/rotations/candidates', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useServiceLedger(params: LedgerParams) {
  return useQuery({
    queryKey: rotationReportKeys.ledger(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/reports/service-records', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useServiceRecord(teacherId: number | null) {
  return useQuery({
    queryKey: rotationReportKeys.serviceRecord(teacherId ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/teachers/{teacher_id}/service-record', { params: { path: { teacher_id: teacherId ?? 0 } } })),
    enabled: teacherId !== null,
  });
}

/** A teacher's six-field archive records (all their rotations; a teacher has a handful). */
export function useTeacherArchive(teacherId: number | null) {
  return useQuery({
    queryKey: rotationReportKeys.archive(teacherId ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/rotations/archive', { params: { query: { teacher_id: teacherId ?? 0, limit: ROSTER_ALL } } })),
    enabled: teacherId !== null,
  });
}

export function useRoster(params: RosterParams) {
  return useQuery({
    queryKey: rotationReportKeys.roster(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/rotations/roster', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** The service certificate (支教证明) of a completed rotation as an A4 PDF (409 otherwise), with the bearer token. */
export function fetchCertificate(rotationId: number): Promise<Blob> {
  return fetchBlob(`/api/v1/rotations/${rotationId}/certificate.pdf`);
}
