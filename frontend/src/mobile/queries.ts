// The teacher's own rotation records: query keys, loaders and writes.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, fetchBlob, ifMatch, unwrap, uploadForm } from '../api/client';
import type { CheckIn, CheckInCreate, Evaluation, Leave, LeaveCreate, WorkLog, WorkLogCreate, WorkLogUpdate } from '../api/types';
import { useAuth } from '../app/auth';
import { pickRotation } from './rotation';

export const mobileKeys = {
  all: ['mobile'] as const,
  rotations: (teacherId: number) => [...mobileKeys.all, 'rotations', teacherId] as const,
  of: (rotationId: number) => [...mobileKeys.all, 'rotation', rotationId] as const,
  checkins: (rotationId: number) => [...mobileKeys.of(rotationId), 'checkins'] as const,
  attendances: (rotationId: number) => [...mobileKeys.of(rotationId), 'attendance'] as const,
  attendance: (rotationId: number, month: string) => [...mobileKeys.attendances(rotationId), month] as const,
  logs: (rotationId: number) => [...mobileKeys.of(rotationId), 'logs'] as const,
  leaves: (rotationId: number) => [...mobileKeys.of(rotationId), 'leaves'] as const,
  evaluations: (rotationId: number) => [...mobileKeys.of(rotationId), 'evaluations'] as const,
  photo: (logId: number, version: number) => [...mobileKeys.all, 'photo', logId, version] as const,
};

/** Today on the phone, YYYY-MM-DD. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** The teacher's rotations (a teacher only ever sees their own) and the one in focus now. */
export function useMyRotation() {
  const { me } = useAuth();
  const teacherId = me?.teacher_id ?? null;
  const query = useQuery({
    queryKey: mobileKeys.rotations(teacherId ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/rotations', { params: { query: { teacher_id: teacherId ?? undefined, limit: 50 } } })),
    enabled: teacherId !== null,
    staleTime: 5 * 60_000,
  });
  const rotations = query.data?.items ?? [];
  return {
    /** The account is not linked to a teacher record: nothing can be arranged for it. */
    unlinked: teacherId === null,
    isPending: teacherId !== null && query.isPending,
    error: query.error,
    refetch: query.refetch,
    rotations,
    picked: query.data ? pickRotation(rotations, todayIso()) : null,
  };
}

export function useCheckins(rotationId: number, enabled = true) {
  return useQuery({
    queryKey: mobileKeys.checkins(rotationId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/rotations/{rotation_id}/checkins', { params: { path: { rotation_id: rotationId } } })),
    enabled,
  });
}

export function useAttendance(rotationId: number, month: string | null, enabled = true) {
  return useQuery({
    queryKey: mobileKeys.attendance(rotationId, month ?? 'all'),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/rotations/{rotation_id}/attendance', {
          params: { path: { rotation_id: rotationId }, query: { month: month ?? undefined } },
        }),
      ),
    enabled,
  });
}

export function useLogs(rotationId: number) {
  return useQuery({
    queryKey: mobileKeys.logs(rotationId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/rotations/{rotation_id}/logs', { params: { path: { rotation_id: rotationId } } })),
  });
}

export function useLeaves(rotationId: number) {
  return useQuery({
    queryKey: mobileKeys.leaves(rotationId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/rotations/{rotation_id}/leaves', { params: { path: { rotation_id: rotationId } } })),
  });
}

/** The host school's evaluations of a rotation; the teacher is shown submitted ones only. */
export function evaluationsQuery(rotationId: number) {
  return {
    queryKey: mobileKeys.evaluations(rotationId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/rotations/{rotation_id}/evaluations', { params: { path: { rotation_id: rotationId } } })),
    // the server lists a draft to its own school only; keep the rule here too
    select: (list: Evaluation[]) => list.filter((e) => e.status === 'submitted'),
  };
}

export function useEvaluations(rotationId: number, enabled = true) {
  return useQuery({ ...evaluationsQuery(rotationId), enabled });
}

/** A log entry's photo (needs the bearer token: fetched as a blob); null when there is none. */
export function useLogPhoto(log: Pick<WorkLog, 'id' | 'version' | 'has_photo'>, enabled: boolean) {
  return useQuery({
    queryKey: mobileKeys.photo(log.id, log.version),
    queryFn: () => fetchBlob(`/api/v1/logs/${log.id}/photo`),
    enabled: enabled && log.has_photo,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
}

/** Check in; `created` is false when the day already had a check-in (the server answers it). */
export async function postCheckin(rotationId: number, body: CheckInCreate): Promise<{ record: CheckIn; created: boolean }> {
  const result = await api.POST('/api/v1/rotations/{rotation_id}/checkins', { params: { path: { rotation_id: rotationId } }, body });
  return { record: unwrap(result), created: result.response.status === 201 };
}

/** After a check-in reached the server: show it at once, then refresh the attendance counts. */
export function applyCheckin(qc: QueryClient, record: CheckIn): void {
  qc.setQueryData<CheckIn[]>(mobileKeys.checkins(record.rotation_id), (old) =>
    old ? [record, ...old.filter((c) => c.date !== record.date)].sort((a, b) => b.date.localeCompare(a.date)) : old,
  );
  void qc.invalidateQueries({ queryKey: mobileKeys.checkins(record.rotation_id) });
  void qc.invalidateQueries({ queryKey: mobileKeys.attendances(record.rotation_id) });
}

export function useWriteLog(rotationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: WorkLogCreate) =>
      unwrap(await api.POST('/api/v1/rotations/{rotation_id}/logs', { params: { path: { rotation_id: rotationId } }, body })),
    onSuccess: (log) => {
      qc.setQueryData<WorkLog[]>(mobileKeys.logs(rotationId), (old) => (old ? [log, ...old] : old));
      void qc.invalidateQueries({ queryKey: mobileKeys.logs(rotationId) });
    },
  });
}

export function useEditLog(rotationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: WorkLogUpdate }) =>
      unwrap(await api.PATCH('/api/v1/logs/{log_id}', { params: { path: { log_id: id } }, body, headers: ifMatch(version) })),
    onSuccess: (log) => {
      qc.setQueryData<WorkLog[]>(mobileKeys.logs(rotationId), (old) => old?.map((l) => (l.id === log.id ? log : l)));
      void qc.invalidateQueries({ queryKey: mobileKeys.logs(rotationId) });
    },
  });
}

/** Upload a log entry's photo with progress (0–100); answers the entry with `has_photo`. */
export function useUploadLogPhoto(rotationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ logId, file, onProgress }: { logId: number; file: Blob; onProgress: (percent: number) => void }) => {
      const form = new FormData();
      form.append('file', file, file instanceof File ? file.name : 'photo.jpg');
      return uploadForm<WorkLog>(`/api/v1/logs/${logId}/photo`, form, onProgress);
    },
    onSuccess: (log) => {
      qc.setQueryData<WorkLog[]>(mobileKeys.logs(rotationId), (old) => old?.map((l) => (l.id === log.id ? log : l)));
      void qc.invalidateQueries({ queryKey: mobileKeys.logs(rotationId) });
    },
  });
}

export function useRequestLeave(rotationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: LeaveCreate) =>
      unwrap(await api.POST('/api/v1/rotations/{rotation_id}/leaves', { params: { path: { rotation_id: rotationId } }, body })),
    onSuccess: (leave) => {
      qc.setQueryData<Leave[]>(mobileKeys.leaves(rotationId), (old) => (old ? [leave, ...old] : old));
      void qc.invalidateQueries({ queryKey: mobileKeys.leaves(rotationId) });
    },
  });
}
