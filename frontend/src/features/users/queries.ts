import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { Organization, User, UserCreate, UserUpdate } from '../../api/types';
import { ROLES } from '../../api/types';
import { boolOrUndefined, intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';

export const USER_FILTERS = ['role', 'school_id', 'is_active'] as const;

export function userListParams(state: ListState) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    role: oneOf(ROLES, f.role),
    school_id: intOrUndefined(f.school_id),
    is_active: boolOrUndefined(f.is_active),
  };
}
export type UserListParams = ReturnType<typeof userListParams>;

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UserListParams) => [...userKeys.lists(), params] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: number) => [...userKeys.details(), id] as const,
  organizations: ['organizations'] as const,
};

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/users', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number | null) {
  return useQuery({
    queryKey: userKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/users/{user_id}', { params: { path: { user_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useOrganizations(enabled = true) {
  return useQuery({
    queryKey: userKeys.organizations,
    queryFn: async (): Promise<Organization[]> =>
      unwrap(await api.GET('/api/v1/organizations', { params: { query: { limit: 200 } } })).items,
    staleTime: 60 * 60_000,
    enabled,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: UserCreate) => unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: (user) => {
      qc.setQueryData(userKeys.detail(user.id), user);
      return qc.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}

export function useUpdateUser(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: UserUpdate }): Promise<User> =>
      unwrap(
        await api.PATCH('/api/v1/users/{user_id}', {
          params: { path: { user_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (user) => {
      qc.setQueryData(userKeys.detail(user.id), user);
      return qc.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
