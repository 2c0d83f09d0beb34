import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { IntegrationClientCreate, IntegrationClientUpdate } from '../../api/types';
import { pagingParams, type ListState } from '../../lib/listState';

export const CLIENT_FILTERS = [] as const;

export function clientListParams(state: ListState) {
  return pagingParams(state);
}
export type ClientListParams = ReturnType<typeof clientListParams>;

export const clientKeys = {
  all: ['integration-clients'] as const,
  lists: () => [...clientKeys.all, 'list'] as const,
  list: (params: ClientListParams) => [...clientKeys.lists(), params] as const,
};

export function useClientList(params: ClientListParams) {
  return useQuery({
    queryKey: clientKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/integrations/clients', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

function reloadLists(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: clientKeys.lists() });
}

/** A refusal because the list was stale (412: changed meanwhile; 409: revoked meanwhile) reloads it. */
function reloadWhenStale(qc: QueryClient, error: unknown) {
  if (error instanceof ApiError && (error.status === 412 || error.status === 409 || error.status === 404)) void reloadLists(qc);
}

export function useCreateClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: IntegrationClientCreate) => unwrap(await api.POST('/api/v1/integrations/clients', { body })),
    onSuccess: () => reloadLists(qc),
  });
}

interface Versioned {
  id: number;
  version: number;
}

export function useUpdateClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: Versioned & { body: IntegrationClientUpdate }) =>
      unwrap(
        await api.PATCH('/api/v1/integrations/clients/{client_id}', {
          params: { path: { client_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: () => reloadLists(qc),
    onError: (e) => reloadWhenStale(qc, e),
  });
}

/** A new secret (in the answer, this once); the old one and its tokens stop working at once. */
export function useRotateSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: Versioned) =>
      unwrap(
        await api.POST('/api/v1/integrations/clients/{client_id}/rotate-secret', {
          params: { path: { client_id: id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: () => reloadLists(qc),
    onError: (e) => reloadWhenStale(qc, e),
  });
}

/** Revoke: the client stays in the list, revoked. */
export function useRevokeClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: Versioned) =>
      unwrap(
        await api.DELETE('/api/v1/integrations/clients/{client_id}', {
          params: { path: { client_id: id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: () => reloadLists(qc),
    onError: (e) => reloadWhenStale(qc, e),
  });
}
