// The rotation planning API: staffing needs, the supply of eligible teachers (and the ones kept back),
// proposals (solve, review, accept). Writes refresh what they change; accepting also refreshes the
// rotations (it creates planned ones).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { AssignmentRef, NeedCreate, NeedUpdate, Proposal, ProposalCreate, Region, UnavailabilityCreate } from '../../api/types';
import { notificationKeys } from '../notifications/queries';
import { rotationKeys } from '../rotations/queries';
import type { NeedListParams, ProposalListParams, SupplyListParams } from './model';

export const planningKeys = {
  all: ['planning'] as const,
  needs: () => [...planningKeys.all, 'needs'] as const,
  needList: (params: NeedListParams) => [...planningKeys.needs(), params] as const,
  supply: () => [...planningKeys.all, 'supply'] as const,
  supplyList: (params: SupplyListParams) => [...planningKeys.supply(), params] as const,
  proposals: () => [...planningKeys.all, 'proposals'] as const,
  proposalList: (params: ProposalListParams) => [...planningKeys.proposals(), 'list', params] as const,
  proposal: (id: number) => [...planningKeys.proposals(), 'detail', id] as const,
  counties: () => [...planningKeys.all, 'counties'] as const,
};

// ---------------------------------------------------------------- needs

export function useNeedList(params: NeedListParams) {
  return useQuery({
    queryKey: planningKeys.needList(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/needs', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useSaveNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (arg: { kind: 'create'; body: NeedCreate } | { kind: 'update'; id: number; version: number; body: NeedUpdate }) =>
      arg.kind === 'create'
        ? unwrap(await api.POST('/api/v1/needs', { body: arg.body }))
        : unwrap(
            await api.PATCH('/api/v1/needs/{need_id}', {
              params: { path: { need_id: arg.id } },
              body: arg.body,
              headers: ifMatch(arg.version),
            }),
          ),
    onSettled: () => qc.invalidateQueries({ queryKey: planningKeys.needs() }),
  });
}

export function useDeleteNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: number; version: number }) => {
      unwrap(await api.DELETE('/api/v1/needs/{need_id}', { params: { path: { need_id: id } }, headers: ifMatch(version) }));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: planningKeys.needs() }),
  });
}

// ---------------------------------------------------------------- supply

export function useSupplyList(params: SupplyListParams) {
  return useQuery({
    queryKey: planningKeys.supplyList(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/planning/supply', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useMarkUnavailable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: UnavailabilityCreate) => unwrap(await api.POST('/api/v1/planning/unavailable-teachers', { body })),
    onSettled: () => qc.invalidateQueries({ queryKey: planningKeys.supply() }),
  });
}

export function useClearUnavailable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (markId: number) => {
      unwrap(await api.DELETE('/api/v1/planning/unavailable-teachers/{mark_id}', { params: { path: { mark_id: markId } } }));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: planningKeys.supply() }),
  });
}

// ---------------------------------------------------------------- proposals

/** The counties of the bureau's jurisdiction (a plan is made per county). */
export function useCounties(enabled = true) {
  return useQuery({
    queryKey: planningKeys.counties(),
    queryFn: async (): Promise<Region[]> =>
      unwrap(await api.GET('/api/v1/regions', { params: { query: { limit: 200, sort: 'name' } } })).items.filter((r) => r.level === 'county'),
    staleTime: 60 * 60_000,
    enabled,
  });
}

export function useProposalList(params: ProposalListParams) {
  return useQuery({
    queryKey: planningKeys.proposalList(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/planning/proposals', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: number | null) {
  return useQuery({
    queryKey: planningKeys.proposal(id ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/planning/proposals/{proposal_id}', { params: { path: { proposal_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

/** Keep the answer as the proposal's page and refresh the lists (their totals changed). */
function useKeepProposal() {
  const qc = useQueryClient();
  return (p: Proposal) => {
    qc.setQueryData(planningKeys.proposal(p.id), p);
    return qc.invalidateQueries({ queryKey: [...planningKeys.proposals(), 'list'] });
  };
}

/** Solve a county's plan for a school year (well under a second for a county). */
export function usePropose() {
  const keep = useKeepProposal();
  return useMutation({
    mutationFn: async (body: ProposalCreate) => unwrap(await api.POST('/api/v1/planning/proposals', { body })),
    onSuccess: (p) => keep(p),
  });
}

/** Save the reviewed assignments (If-Match); the answer has the recomputed figures and what is wrong with the edit. */
export function useReviseProposal(id: number) {
  const keep = useKeepProposal();
  return useMutation({
    mutationFn: async ({ version, assignments }: { version: number; assignments: AssignmentRef[] }) =>
      unwrap(
        await api.PATCH('/api/v1/planning/proposals/{proposal_id}', {
          params: { path: { proposal_id: id } },
          body: { assignments },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (p) => keep(p),
  });
}

/**
 * Accept the plan: its rotations are created in "planned" status, all or none. A refusal's ApiError
 * carries the answer's body: a 409 lists the `conflicts` (model.conflictsOf).
 */
export function useAcceptProposal(id: number) {
  const keep = useKeepProposal();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (version: number): Promise<Proposal> => {
      // unwrap keeps the problem's body: a 409 lists its `conflicts`
      return unwrap(
        await api.POST('/api/v1/planning/proposals/{proposal_id}/accept', {
          params: { path: { proposal_id: id } },
          headers: ifMatch(version),
        }),
      );
    },
    onSuccess: (p) =>
      Promise.all([
        keep(p),
        qc.invalidateQueries({ queryKey: rotationKeys.all }),
        qc.invalidateQueries({ queryKey: planningKeys.needs() }),
        qc.invalidateQueries({ queryKey: planningKeys.supply() }),
        qc.invalidateQueries({ queryKey: notificationKeys.all }),
      ]),
  });
}
