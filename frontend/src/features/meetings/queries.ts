import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchBlob, ifMatch, unwrap } from '../../api/client';
import type { ActionItemCreate, ActionItemUpdate, Meeting, MeetingCreate, MeetingUpdate, MinutesAction } from '../../api/types';
import { MEETING_STATUSES } from '../../api/types';
import { intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';
import { agreementKeys } from '../agreements/queries';
import { notificationKeys } from '../notifications/queries';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: string | undefined) => (v && DAY.test(v) ? v : undefined);

export const MEETING_FILTERS = ['status', 'school_id', 'agreement_id', 'from', 'to'] as const;

export function meetingListParams(state: ListState) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    status: oneOf(MEETING_STATUSES, f.status),
    school_id: intOrUndefined(f.school_id),
    agreement_id: intOrUndefined(f.agreement_id),
    from: date(f.from),
    to: date(f.to),
  };
}
export type MeetingListParams = ReturnType<typeof meetingListParams>;

export function agreementMeetingParams(state: ListState) {
  return { ...pagingParams(state) };
}
export type AgreementMeetingParams = ReturnType<typeof agreementMeetingParams>;

/** What the calendar asks for: every meeting in the visible days (the API's largest page). */
export interface CalendarParams {
  from: string;
  to: string;
  status?: (typeof MEETING_STATUSES)[number];
  school_id?: number;
}

export interface ComplianceParams {
  school_year: number;
  programme_id?: number;
  school_id?: number;
}

export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  list: (params: MeetingListParams) => [...meetingKeys.lists(), params] as const,
  calendar: (params: CalendarParams) => [...meetingKeys.lists(), 'calendar', params] as const,
  ofAgreement: (agreementId: number, params: AgreementMeetingParams) => [...meetingKeys.lists(), 'agreement', agreementId, params] as const,
  details: () => [...meetingKeys.all, 'detail'] as const,
  detail: (id: number) => [...meetingKeys.details(), id] as const,
  compliance: (params: ComplianceParams) => [...meetingKeys.all, 'compliance', params] as const,
};

export function useMeetingList(params: MeetingListParams) {
  return useQuery({
    queryKey: meetingKeys.list(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/meetings', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export const CALENDAR_LIMIT = 200;

export function useMeetingCalendar(params: CalendarParams) {
  return useQuery({
    queryKey: meetingKeys.calendar(params),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/meetings', { params: { query: { ...params, limit: CALENDAR_LIMIT, sort: 'scheduled_date' } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAgreementMeetings(agreementId: number, params: AgreementMeetingParams) {
  return useQuery({
    queryKey: meetingKeys.ofAgreement(agreementId, params),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/agreements/{agreement_id}/meetings', {
          params: { path: { agreement_id: agreementId }, query: params },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: number | null) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/meetings/{meeting_id}', { params: { path: { meeting_id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

/** After a meeting changed: keep the fresh copy, refresh the lists, compliance and reminders. */
function useRefreshMeeting() {
  const qc = useQueryClient();
  return async (meeting: Meeting | number) => {
    const id = typeof meeting === 'number' ? meeting : meeting.id;
    if (typeof meeting !== 'number') qc.setQueryData(meetingKeys.detail(id), meeting);
    await Promise.all([
      qc.invalidateQueries({ queryKey: meetingKeys.lists() }),
      qc.invalidateQueries({ queryKey: [...meetingKeys.all, 'compliance'] }),
      // minutes waiting for confirmation show in the reminders bell
      qc.invalidateQueries({ queryKey: notificationKeys.all }),
      // carried-over items of other meetings of the pair may change too
      qc.invalidateQueries({ queryKey: meetingKeys.details(), refetchType: typeof meeting === 'number' ? 'active' : 'none' }),
      typeof meeting === 'number' ? Promise.resolve() : qc.invalidateQueries({ queryKey: agreementKeys.of(meeting.agreement_id) }),
    ]);
  };
}

export function useCreateMeeting(agreementId: number) {
  const refresh = useRefreshMeeting();
  return useMutation({
    mutationFn: async (body: MeetingCreate) =>
      unwrap(await api.POST('/api/v1/agreements/{agreement_id}/meetings', { params: { path: { agreement_id: agreementId } }, body })),
    onSuccess: (m) => refresh(m),
  });
}

export function useUpdateMeeting(id: number) {
  const refresh = useRefreshMeeting();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: MeetingUpdate }) =>
      unwrap(
        await api.PATCH('/api/v1/meetings/{meeting_id}', {
          params: { path: { meeting_id: id } },
          body,
          headers: ifMatch(version),
        }),
      ),
    onSuccess: (m) => refresh(m),
  });
}

async function postMinutesAction(action: MinutesAction, id: number, version: number, comment: string) {
  const init = { params: { path: { meeting_id: id } }, body: { comment }, headers: ifMatch(version) };
  switch (action) {
    case 'confirm_minutes':
      return unwrap(await api.POST('/api/v1/meetings/{meeting_id}/minutes/confirm', init));
    case 'return_minutes':
      return unwrap(await api.POST('/api/v1/meetings/{meeting_id}/minutes/return', init));
  }
}

export function useMinutesAction(id: number) {
  const refresh = useRefreshMeeting();
  return useMutation({
    mutationFn: ({ action, version, comment }: { action: MinutesAction; version: number; comment: string }) =>
      postMinutesAction(action, id, version, comment),
    onSuccess: (m) => refresh(m),
    // refused (someone else acted first): our copy is out of date
    onError: () => refresh(id),
  });
}

export function useCreateActionItem(meetingId: number) {
  const refresh = useRefreshMeeting();
  return useMutation({
    mutationFn: async (body: ActionItemCreate) =>
      unwrap(await api.POST('/api/v1/meetings/{meeting_id}/action-items', { params: { path: { meeting_id: meetingId } }, body })),
    onSuccess: () => refresh(meetingId),
  });
}

/** Edit a follow-up item (here: mark it done or open again); `meetingId` is the page showing it. */
export function useUpdateActionItem(meetingId: number) {
  const refresh = useRefreshMeeting();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: ActionItemUpdate }) =>
      unwrap(await api.PATCH('/api/v1/action-items/{item_id}', { params: { path: { item_id: id } }, body, headers: ifMatch(version) })),
    onSuccess: () => refresh(meetingId),
    onError: () => refresh(meetingId),
  });
}

export function useMeetingCompliance(params: ComplianceParams) {
  return useQuery({
    queryKey: meetingKeys.compliance(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/compliance/meetings', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** The final minutes as an A4 PDF (409 while not final), with the bearer token. */
export function fetchMinutesPdf(meetingId: number): Promise<Blob> {
  return fetchBlob(`/api/v1/meetings/${meetingId}/minutes.pdf`);
}
