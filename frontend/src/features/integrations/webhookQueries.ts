import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { WebhookCreate, WebhookUpdate } from '../../api/types';
import { oneOf, pagingParams, type ListState } from '../../lib/listState';
import { DELIVERY_STATUSES } from './webhooks';

export const WEBHOOK_FILTERS = [] as const;

export function webhookListParams(state: ListState) {
  return pagingParams(state);
}
export type WebhookListParams = ReturnType<typeof webhookListParams>;

export const DELIVERY_FILTERS = ['status'] as const;

/** The delivery log's paging and status filter (no search: a delivery has no name). */
export function deliveryListParams(state: ListState) {
  const { limit, offset, sort } = pagingParams(state);
  return { limit, offset, ...(sort ? { sort } : {}), status: oneOf(DELIVERY_STATUSES, state.filters.status) };
}
export type DeliveryListParams = ReturnType<typeof deliveryListParams>;

export const webhookKeys = {
  all: ['webhooks'] as const,
  lists: () => [...webhookKeys.all, 'list'] as const,
  list: (params: WebhookListParams) => [...webhookKeys.lists(), params] as const,
  details: () => [...webhookKeys.all, 'detail'] as const,
  detail: (id: number) => [...webhookKeys.details(), id] as const,
  deliveries: (id: number) => [...webhookKeys.all, 'deliveries', id] as const,
  deliveryList: (id: number, params: DeliveryListParams) => [...webhookKeys.deliveries(id), params] as const,
};

export function useWebhookList(params: WebhookListParams) {
  return useQuery({
    queryKey: webhookKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/integrations/webhooks', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useWebhook(id: number | null) {
  return useQuery({
    queryKey: webhookKeys.detail(id ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/integrations/webhooks/{webhook_id}', { params: { path: { webhook_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useDeliveryList(id: number | null, params: DeliveryListParams) {
  return useQuery({
    queryKey: webhookKeys.deliveryList(id ?? 0, params),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/integrations/webhooks/{webhook_id}/deliveries', {
          params: { path: { webhook_id: id ?? 0 }, query: params },
        }),
      ),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}

/** The lists and the subscriptions' pages (their counts change with every write). */
function reloadAll(qc: QueryClient) {
  return qc.invalidateQueries({ queryKey: webhookKeys.all });
}

/** A refusal because what was shown is stale (412: changed meanwhile; 404: deleted meanwhile) reloads it. */
function reloadWhenStale(qc: QueryClient, error: unknown) {
  if (error instanceof ApiError && (error.status === 412 || error.status === 409 || error.status === 404)) void reloadAll(qc);
}

export function useCreateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: WebhookCreate) => unwrap(await api.POST('/api/v1/integrations/webhooks', { body })),
    onSuccess: () => reloadAll(qc),
  });
}

interface Versioned {
  id: number;
  version: number;
}

/** Change the URL or events, or pause / resume (`is_active`). */
export function useUpdateWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: Versioned & { body: WebhookUpdate }) =>
      unwrap(
        await api.PATCH('/api/v1/integrations/webhooks/{webhook_id}', {
          params: { path: { webhook_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (webhook) => {
      qc.setQueryData(webhookKeys.detail(webhook.id), webhook);
      return qc.invalidateQueries({ queryKey: webhookKeys.lists() });
    },
    onError: (e) => reloadWhenStale(qc, e),
  });
}

/** Delete the subscription and its delivery log. */
export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: Versioned) =>
      unwrap(
        await api.DELETE('/api/v1/integrations/webhooks/{webhook_id}', {
          params: { path: { webhook_id: id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (_v, { id }) => {
      qc.removeQueries({ queryKey: webhookKeys.detail(id) });
      qc.removeQueries({ queryKey: webhookKeys.deliveries(id) });
      return qc.invalidateQueries({ queryKey: webhookKeys.lists() });
    },
    onError: (e) => reloadWhenStale(qc, e),
  });
}

/** Queue a delivery again now: the worker sends it within seconds. */
export function useRedeliver(webhookId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: number) =>
      unwrap(
        await api.POST('/api/v1/integrations/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver', {
          params: { path: { webhook_id: webhookId, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: () => reloadAll(qc),
    onError: (e) => reloadWhenStale(qc, e),
  });
}
