import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchBlob, ifMatch, unwrap } from '../../api/client';
import type {
  CalendarDayCreate,
  EvaluationCreate,
  EvaluationUpdate,
  LeaveAction,
  Rotation,
  RotationAction,
  RotationBulkCreate,
} from '../../api/types';
import { ROTATION_DIRECTIONS, ROTATION_STATUSES, TERMS } from '../../api/types';
import { intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';
import { agreementKeys } from '../agreements/queries';
import { notificationKeys } from '../notifications/queries';

export const ROTATION_FILTERS = ['school_year', 'term', 'status', 'school_id', 'direction', 'subject'] as const;

export function rotationListParams(state: ListState) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    school_year: intOrUndefined(f.school_year),
    // a term narrows a school year (the API ignores it without one)
    term: f.school_year ? oneOf(TERMS, f.term) : undefined,
    status: oneOf(ROTATION_STATUSES, f.status),
    school_id: intOrUndefined(f.school_id),
    direction: oneOf(ROTATION_DIRECTIONS, f.direction),
    subject: f.subject || undefined,
  };
}
export type RotationListParams = ReturnType<typeof rotationListParams>;

export const rotationKeys = {
  all: ['rotations'] as const,
  lists: () => [...rotationKeys.all, 'list'] as const,
  list: (params: RotationListParams) => [...rotationKeys.lists(), params] as const,
  plannedCount: () => [...rotationKeys.all, 'planned-count'] as const,
  details: () => [...rotationKeys.all, 'detail'] as const,
  detail: (id: number) => [...rotationKeys.details(), id] as const,
  /** Everything hanging off one rotation (attendance, check-ins, leave, log, evaluations). */
  of: (id: number) => [...rotationKeys.all, 'of', id] as const,
  attendance: (id: number, month: string | null) => [...rotationKeys.of(id), 'attendance', month ?? 'all'] as const,
  checkins: (id: number) => [...rotationKeys.of(id), 'checkins'] as const,
  leaves: (id: number) => [...rotationKeys.of(id), 'leaves'] as const,
  logs: (id: number) => [...rotationKeys.of(id), 'logs'] as const,
  evaluations: (id: number) => [...rotationKeys.of(id), 'evaluations'] as const,
};

export const calendarKeys = {
  all: ['calendar-days'] as const,
  year: (year: number) => [...calendarKeys.all, year] as const,
};

export function useRotationList(params: RotationListParams) {
  return useQuery({
    queryKey: rotationKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/rotations', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** How many proposals wait for the bureau's approval. */
export function usePlannedCount(enabled: boolean) {
  return useQuery({
    queryKey: rotationKeys.plannedCount(),
    queryFn: async () => unwrap(await api.GET('/api/v1/rotations', { params: { query: { status: 'planned', limit: 1 } } })).total,
    enabled,
  });
}

export function useRotation(id: number | null) {
  return useQuery({
    queryKey: rotationKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/rotations/{rotation_id}', { params: { path: { rotation_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

/** After a rotation changed: its page, the lists, the reminders and whatever hangs off it. */
function useRefreshRotation() {
  const qc = useQueryClient();
  return async (rotation: Rotation | number) => {
    const id = typeof rotation === 'number' ? rotation : rotation.id;
    if (typeof rotation !== 'number') qc.setQueryData(rotationKeys.detail(id), rotation);
    await Promise.all([
      qc.invalidateQueries({ queryKey: rotationKeys.lists() }),
      qc.invalidateQueries({ queryKey: rotationKeys.plannedCount() }),
      qc.invalidateQueries({ queryKey: notificationKeys.all }),
      qc.invalidateQueries({ queryKey: rotationKeys.of(id) }),
      typeof rotation === 'number' ? qc.invalidateQueries({ queryKey: rotationKeys.detail(id) }) : Promise.resolve(),
    ]);
  };
}

/** Take one step on a rotation (If-Match: the version the caller saw). */
export async function postRotationAction(action: RotationAction, id: number, version: number, comment: string): Promise<Rotation> {
  const init = { params: { path: { rotation_id: id } }, body: { comment }, headers: ifMatch(version) };
  switch (action) {
    case 'approve':
      return unwrap(await api.POST('/api/v1/rotations/{rotation_id}/approve', init));
    case 'arrive':
      return unwrap(await api.POST('/api/v1/rotations/{rotation_id}/arrive', init));
    case 'complete':
      return unwrap(await api.POST('/api/v1/rotations/{rotation_id}/complete', init));
    case 'withdraw':
      return unwrap(await api.POST('/api/v1/rotations/{rotation_id}/withdraw', init));
  }
}

export function useRotationTransition(id: number) {
  const refresh = useRefreshRotation();
  return useMutation({
    mutationFn: ({ action, version, comment }: { action: RotationAction; version: number; comment: string }) =>
      postRotationAction(action, id, version, comment),
    onSuccess: (r) => refresh(r),
    // a refused step (409/412: someone else moved it) still means our copy is out of date
    onError: () => refresh(id),
  });
}

/** Approve several proposals one by one (the list's "approve selected"); refresh the lists once at the end. */
export function useRefreshRotationLists() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: rotationKeys.all }),
      qc.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
}

/** Propose the same rotation for one or several teachers: all are created, or none. */
export function useProposeRotations() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: RotationBulkCreate) => unwrap(await api.POST('/api/v1/rotations/bulk', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: rotationKeys.all }),
  });
}

/** Attendance of one month (YYYY-MM), or of the whole rotation when month is null. */
export function useAttendance(id: number, month: string | null, enabled = true) {
  return useQuery({
    queryKey: rotationKeys.attendance(id, month),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/rotations/{rotation_id}/attendance', {
          params: { path: { rotation_id: id }, query: month ? { month } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCheckins(id: number) {
  return useQuery({
    queryKey: rotationKeys.checkins(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/rotations/{rotation_id}/checkins', { params: { path: { rotation_id: id } } })),
  });
}

export function useLeaves(id: number) {
  return useQuery({
    queryKey: rotationKeys.leaves(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/rotations/{rotation_id}/leaves', { params: { path: { rotation_id: id } } })),
  });
}

export function useDecideLeave(rotationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, version, comment }: { id: number; action: LeaveAction; version: number; comment: string }) => {
      const init = { params: { path: { leave_id: id } }, body: { comment }, headers: ifMatch(version) };
      return action === 'approve'
        ? unwrap(await api.POST('/api/v1/leaves/{leave_id}/approve', init))
        : unwrap(await api.POST('/api/v1/leaves/{leave_id}/reject', init));
    },
    // a decision changes the leave list and the attendance (leave days)
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: rotationKeys.of(rotationId) }),
        qc.invalidateQueries({ queryKey: notificationKeys.all }),
      ]),
  });
}

export function useLogs(id: number) {
  return useQuery({
    queryKey: rotationKeys.logs(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/rotations/{rotation_id}/logs', { params: { path: { rotation_id: id } } })),
  });
}

/** A log entry's photo (the URL needs the bearer token, so no plain <img src>). */
export function fetchLogPhoto(logId: number): Promise<Blob> {
  return fetchBlob(`/api/v1/logs/${logId}/photo`);
}

export function useEvaluations(id: number) {
  return useQuery({
    queryKey: rotationKeys.evaluations(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/rotations/{rotation_id}/evaluations', { params: { path: { rotation_id: id } } })),
  });
}

export type EvaluationSave =
  | { kind: 'create'; body: EvaluationCreate }
  | { kind: 'update'; id: number; version: number; body: EvaluationUpdate; submit: boolean };

/**
 * Save the host school's evaluation: the first save creates it (a draft, or submitted at once);
 * later saves change the draft, and "submit" then makes it final.
 */
export function useSaveEvaluation(rotationId: number) {
  const refresh = useRefreshRotation();
  return useMutation({
    mutationFn: async (arg: EvaluationSave) => {
      if (arg.kind === 'create') {
        return unwrap(
          await api.POST('/api/v1/rotations/{rotation_id}/evaluations', { params: { path: { rotation_id: rotationId } }, body: arg.body }),
        );
      }
      const saved = unwrap(
        await api.PATCH('/api/v1/evaluations/{evaluation_id}', {
          params: { path: { evaluation_id: arg.id } },
          body: arg.body,
          headers: ifMatch(arg.version),
        }),
      );
      if (!arg.submit) return saved;
      return unwrap(
        await api.POST('/api/v1/evaluations/{evaluation_id}/submit', {
          params: { path: { evaluation_id: saved.id } },
          headers: ifMatch(saved.version),
        }),
      );
    },
    onSettled: () => refresh(rotationId),
  });
}

export function useCalendarDays(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: async () => unwrap(await api.GET('/api/v1/calendar-days', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

/** Holidays and make-up days change every rotation's attendance. */
function useRefreshCalendar() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: calendarKeys.all }),
      qc.invalidateQueries({ queryKey: [...rotationKeys.all, 'of'] }),
    ]);
}

export function useAddCalendarDay() {
  const refresh = useRefreshCalendar();
  return useMutation({
    mutationFn: async (body: CalendarDayCreate) => unwrap(await api.POST('/api/v1/calendar-days', { body })),
    onSuccess: () => refresh(),
  });
}

export function useDeleteCalendarDay() {
  const refresh = useRefreshCalendar();
  return useMutation({
    mutationFn: async (id: number) => {
      const res = await api.DELETE('/api/v1/calendar-days/{day_id}', { params: { path: { day_id: id } } });
      unwrap(res);
    },
    onSuccess: () => refresh(),
  });
}

/** The active agreements a school is party to (for picking a rotation's agreement). */
export function useActiveAgreementsOf(schoolId: number | undefined) {
  return useQuery({
    queryKey: [...agreementKeys.lists(), 'active-of', schoolId ?? 0] as const,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/agreements', {
          params: { query: { status: 'active', school_id: schoolId, limit: 200, sort: 'title' } },
        }),
      ).items,
    enabled: schoolId !== undefined,
    staleTime: 60_000,
  });
}
