import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { Teacher, TeacherCreate, TeacherUpdate } from '../../api/types';
import { BACKBONE_LEVELS, GENDERS, TITLE_RANKS } from '../../api/types';
import { intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';

export const TEACHER_FILTERS = ['school_id', 'subject', 'backbone_level', 'title_rank', 'gender'] as const;

export function teacherListParams(state: ListState) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    school_id: intOrUndefined(f.school_id),
    subject: f.subject || undefined,
    backbone_level: oneOf(BACKBONE_LEVELS, f.backbone_level),
    title_rank: oneOf(TITLE_RANKS, f.title_rank),
    gender: oneOf(GENDERS, f.gender),
  };
}
export type TeacherListParams = ReturnType<typeof teacherListParams>;

export const teacherKeys = {
  all: ['teachers'] as const,
  lists: () => [...teacherKeys.all, 'list'] as const,
  list: (params: TeacherListParams) => [...teacherKeys.lists(), params] as const,
  options: (schoolId: number | null, q: string) => [...teacherKeys.all, 'options', schoolId, q] as const,
  details: () => [...teacherKeys.all, 'detail'] as const,
  detail: (id: number) => [...teacherKeys.details(), id] as const,
};

export function useTeacherList(params: TeacherListParams) {
  return useQuery({
    queryKey: teacherKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/teachers', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** Teachers of one school for a picker (e.g. linking an account to a teacher). */
export function useTeacherOptions(schoolId: number | null, q: string) {
  return useQuery({
    queryKey: teacherKeys.options(schoolId, q),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/teachers', {
          params: { query: { school_id: schoolId ?? undefined, q: q || undefined, limit: 50, sort: 'name' } },
        }),
      ).items,
    enabled: schoolId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTeacher(id: number | null) {
  return useQuery({
    queryKey: teacherKeys.detail(id ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/teachers/{teacher_id}', { params: { path: { teacher_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useCreateTeacher() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: TeacherCreate) => unwrap(await api.POST('/api/v1/teachers', { body })),
    onSuccess: (teacher) => {
      qc.setQueryData(teacherKeys.detail(teacher.id), teacher);
      return qc.invalidateQueries({ queryKey: teacherKeys.all, refetchType: 'active' });
    },
  });
}

export function useUpdateTeacher(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: TeacherUpdate }): Promise<Teacher> =>
      unwrap(
        await api.PATCH('/api/v1/teachers/{teacher_id}', {
          params: { path: { teacher_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (teacher) => {
      qc.setQueryData(teacherKeys.detail(teacher.id), teacher);
      return qc.invalidateQueries({ queryKey: teacherKeys.lists() });
    },
  });
}
