import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { AuditListParams } from './audit';

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (params: AuditListParams) => [...auditKeys.all, 'list', params] as const,
};

export function useAuditList(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/audit-events', { params: { query: params } })),
    placeholderData: keepPreviousData,
    // every write anywhere adds to the trail: opening the page always asks again
    staleTime: 0,
  });
}
