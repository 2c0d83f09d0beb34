import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchBlob, ifMatch, unwrap, uploadForm } from '../../api/client';
import type {
  ActivityCreate,
  ActivityUpdate,
  Agreement,
  AgreementCreate,
  AgreementUpdate,
  AmendmentAction,
  AmendmentCreate,
  Attachment,
  DonationCreate,
  DonationUpdate,
  GoalCreate,
  GoalUpdate,
  TransitionAction,
} from '../../api/types';
import { AGREEMENT_AREAS, AGREEMENT_STATUSES } from '../../api/types';
import { intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';
import { notificationKeys } from '../notifications/queries';

export const AGREEMENT_FILTERS = ['programme_id', 'status', 'school_id', 'area', 'school_year', 'waiting_for_me'] as const;

export function agreementListParams(state: ListState) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    programme_id: intOrUndefined(f.programme_id),
    status: oneOf(AGREEMENT_STATUSES, f.status),
    school_id: intOrUndefined(f.school_id),
    area: oneOf(AGREEMENT_AREAS, f.area),
    school_year: intOrUndefined(f.school_year),
    waiting_for_me: f.waiting_for_me === 'true' ? true : undefined,
  };
}
export type AgreementListParams = ReturnType<typeof agreementListParams>;

export const ACTIVITY_FILTERS = ['from', 'to'] as const;

export function activityListParams(state: ListState) {
  const f = state.filters;
  const date = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  return { ...pagingParams(state), from: date(f.from), to: date(f.to) };
}
export type ActivityListParams = ReturnType<typeof activityListParams>;

export function donationListParams(state: ListState) {
  return { ...pagingParams(state) };
}
export type DonationListParams = ReturnType<typeof donationListParams>;

export const agreementKeys = {
  all: ['agreements'] as const,
  lists: () => [...agreementKeys.all, 'list'] as const,
  list: (params: AgreementListParams) => [...agreementKeys.lists(), params] as const,
  waitingCount: () => [...agreementKeys.all, 'waiting-count'] as const,
  details: () => [...agreementKeys.all, 'detail'] as const,
  detail: (id: number) => [...agreementKeys.details(), id] as const,
  /** Everything hanging off one agreement (goals, events, amendments, ledger). */
  of: (id: number) => [...agreementKeys.all, 'of', id] as const,
  events: (id: number) => [...agreementKeys.of(id), 'events'] as const,
  goals: (id: number) => [...agreementKeys.of(id), 'goals'] as const,
  amendments: (id: number) => [...agreementKeys.of(id), 'amendments'] as const,
  activities: (id: number, params: ActivityListParams) => [...agreementKeys.of(id), 'activities', params] as const,
  donations: (id: number, params: DonationListParams) => [...agreementKeys.of(id), 'donations', params] as const,
  summary: (id: number) => [...agreementKeys.of(id), 'summary'] as const,
  attachments: (id: number) => [...agreementKeys.of(id), 'attachments'] as const,
};

export function useAgreementList(params: AgreementListParams) {
  return useQuery({
    queryKey: agreementKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/agreements', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** How many agreements wait for the caller's step. */
export function useWaitingCount(enabled = true) {
  return useQuery({
    queryKey: agreementKeys.waitingCount(),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/agreements', { params: { query: { waiting_for_me: true, limit: 1 } } })).total,
    enabled,
  });
}

export function useAgreement(id: number | null) {
  return useQuery({
    queryKey: agreementKeys.detail(id ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/agreements/{agreement_id}', { params: { path: { agreement_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

/** After anything changes an agreement: refresh it, its lists and whatever hangs off it. */
function useRefreshAgreement() {
  const qc = useQueryClient();
  return async (agreement: Agreement | number) => {
    const id = typeof agreement === 'number' ? agreement : agreement.id;
    if (typeof agreement !== 'number') qc.setQueryData(agreementKeys.detail(id), agreement);
    await Promise.all([
      qc.invalidateQueries({ queryKey: agreementKeys.lists() }),
      qc.invalidateQueries({ queryKey: agreementKeys.waitingCount() }),
      // a signing step or a new end date changes what the reminders bell shows
      qc.invalidateQueries({ queryKey: notificationKeys.all }),
      qc.invalidateQueries({ queryKey: agreementKeys.of(id) }),
      typeof agreement === 'number' ? qc.invalidateQueries({ queryKey: agreementKeys.detail(id) }) : Promise.resolve(),
    ]);
  };
}

export function useCreateAgreement() {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async (body: AgreementCreate) => unwrap(await api.POST('/api/v1/agreements', { body })),
    onSuccess: (a) => refresh(a),
  });
}

export function useUpdateAgreement(id: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: AgreementUpdate }): Promise<Agreement> =>
      unwrap(
        await api.PATCH('/api/v1/agreements/{agreement_id}', {
          params: { path: { agreement_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (a) => refresh(a),
  });
}

async function postAgreementAction(action: TransitionAction, id: number, version: number, comment: string) {
  const init = { params: { path: { agreement_id: id } }, body: { comment }, headers: ifMatch(version) };
  switch (action) {
    case 'submit':
      return unwrap(await api.POST('/api/v1/agreements/{agreement_id}/submit', init));
    case 'confirm':
      return unwrap(await api.POST('/api/v1/agreements/{agreement_id}/confirm', init));
    case 'approve':
      return unwrap(await api.POST('/api/v1/agreements/{agreement_id}/approve', init));
    case 'reject':
      return unwrap(await api.POST('/api/v1/agreements/{agreement_id}/reject', init));
    case 'complete':
      return unwrap(await api.POST('/api/v1/agreements/{agreement_id}/complete', init));
    case 'terminate':
      return unwrap(await api.POST('/api/v1/agreements/{agreement_id}/terminate', init));
  }
}

export function useAgreementTransition(id: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: ({ action, version, comment }: { action: TransitionAction; version: number; comment: string }) =>
      postAgreementAction(action, id, version, comment),
    onSuccess: (a) => refresh(a),
    // a refused step (409: someone else moved it) still means our copy is out of date
    onError: () => refresh(id),
  });
}

export function useRenewAgreement(id: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/agreements/{agreement_id}/renew', { params: { path: { agreement_id: id } } })),
    onSuccess: async (next) => {
      await refresh(next);
      await refresh(id);
    },
  });
}

export function useAgreementEvents(id: number) {
  return useQuery({
    queryKey: agreementKeys.events(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/agreements/{agreement_id}/events', { params: { path: { agreement_id: id } } })),
  });
}

export function useGoals(id: number) {
  return useQuery({
    queryKey: agreementKeys.goals(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/agreements/{agreement_id}/goals', { params: { path: { agreement_id: id } } })),
  });
}

export function useCreateGoal(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async (body: GoalCreate) =>
      unwrap(await api.POST('/api/v1/agreements/{agreement_id}/goals', { params: { path: { agreement_id: agreementId } }, body })),
    onSuccess: () => refresh(agreementId),
  });
}

export function useUpdateGoal(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: GoalUpdate }) =>
      unwrap(await api.PATCH('/api/v1/goals/{goal_id}', { params: { path: { goal_id: id } }, body, headers: ifMatch(version) })),
    onSuccess: () => refresh(agreementId),
  });
}

export function useAmendments(id: number) {
  return useQuery({
    queryKey: agreementKeys.amendments(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/agreements/{agreement_id}/amendments', { params: { path: { agreement_id: id } } })),
  });
}

export function useCreateAmendment(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async (body: AmendmentCreate) =>
      unwrap(
        await api.POST('/api/v1/agreements/{agreement_id}/amendments', { params: { path: { agreement_id: agreementId } }, body }),
      ),
    onSuccess: () => refresh(agreementId),
  });
}

async function postAmendmentAction(action: AmendmentAction, id: number, version: number, comment: string) {
  const init = { params: { path: { amendment_id: id } }, body: { comment }, headers: ifMatch(version) };
  switch (action) {
    case 'submit':
      return unwrap(await api.POST('/api/v1/amendments/{amendment_id}/submit', init));
    case 'confirm':
      return unwrap(await api.POST('/api/v1/amendments/{amendment_id}/confirm', init));
    case 'approve':
      return unwrap(await api.POST('/api/v1/amendments/{amendment_id}/approve', init));
    case 'reject':
      return unwrap(await api.POST('/api/v1/amendments/{amendment_id}/reject', init));
  }
}

export function useAmendmentTransition(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: ({ id, action, version, comment }: { id: number; action: AmendmentAction; version: number; comment: string }) =>
      postAmendmentAction(action, id, version, comment),
    onSuccess: () => refresh(agreementId),
    onError: () => refresh(agreementId),
  });
}

export function useActivities(agreementId: number, params: ActivityListParams) {
  return useQuery({
    queryKey: agreementKeys.activities(agreementId, params),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/agreements/{agreement_id}/activities', {
          params: { path: { agreement_id: agreementId }, query: params },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSaveActivity(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async (
      arg: { kind: 'create'; body: ActivityCreate } | { kind: 'update'; id: number; version: number; body: ActivityUpdate },
    ) =>
      arg.kind === 'create'
        ? unwrap(
            await api.POST('/api/v1/agreements/{agreement_id}/activities', {
              params: { path: { agreement_id: agreementId } },
              body: arg.body,
            }),
          )
        : unwrap(
            await api.PATCH('/api/v1/activities/{activity_id}', {
              params: { path: { activity_id: arg.id } },
              body: arg.body,
              headers: ifMatch(arg.version),
            }),
          ),
    onSuccess: () => refresh(agreementId),
  });
}

export function useDonations(agreementId: number, params: DonationListParams) {
  return useQuery({
    queryKey: agreementKeys.donations(agreementId, params),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/agreements/{agreement_id}/donations', {
          params: { path: { agreement_id: agreementId }, query: params },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSaveDonation(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async (
      arg: { kind: 'create'; body: DonationCreate } | { kind: 'update'; id: number; version: number; body: DonationUpdate },
    ) =>
      arg.kind === 'create'
        ? unwrap(
            await api.POST('/api/v1/agreements/{agreement_id}/donations', {
              params: { path: { agreement_id: agreementId } },
              body: arg.body,
            }),
          )
        : unwrap(
            await api.PATCH('/api/v1/donations/{donation_id}', {
              params: { path: { donation_id: arg.id } },
              body: arg.body,
              headers: ifMatch(arg.version),
            }),
          ),
    onSuccess: () => refresh(agreementId),
  });
}

export function useLedgerSummary(agreementId: number) {
  return useQuery({
    queryKey: agreementKeys.summary(agreementId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/agreements/{agreement_id}/summary', { params: { path: { agreement_id: agreementId } } })),
  });
}

export function useAttachments(agreementId: number) {
  return useQuery({
    queryKey: agreementKeys.attachments(agreementId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/agreements/{agreement_id}/attachments', { params: { path: { agreement_id: agreementId } } })),
  });
}

export interface AttachmentUpload {
  file: File;
  description: string;
  amendmentId: number | null;
  activityId: number | null;
  onProgress?: (percent: number) => void;
}

/** Multipart upload (with progress); the server checks the bytes (415) and the size (413). */
export function useUploadAttachment(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: ({ file, description, amendmentId, activityId, onProgress }: AttachmentUpload) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (description) form.append('description', description);
      if (amendmentId !== null) form.append('amendment_id', String(amendmentId));
      if (activityId !== null) form.append('activity_id', String(activityId));
      return uploadForm<Attachment>(`/api/v1/agreements/${agreementId}/attachments`, form, onProgress);
    },
    onSuccess: () => refresh(agreementId),
  });
}

export function useDeleteAttachment(agreementId: number) {
  const refresh = useRefreshAgreement();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(await api.DELETE('/api/v1/attachments/{attachment_id}', { params: { path: { attachment_id: id } } })),
    onSuccess: () => refresh(agreementId),
  });
}

/** The stored file's bytes (the content URL needs the bearer token, so no plain link). */
export function fetchAttachmentContent(id: number): Promise<Blob> {
  return fetchBlob(`/api/v1/attachments/${id}/content`);
}
