import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** How often the reminders are asked for again while the app is open (also on window focus). */
export const NOTIFICATIONS_REFRESH_MS = 5 * 60 * 1000;

export const notificationKeys = {
  all: ['notifications'] as const,
  /** The server words the messages in the request's language, so each language is its own entry. */
  inbox: (language: string) => [...notificationKeys.all, 'inbox', language] as const,
};

/** The caller's inbox: reminders (unread first) and the unread count. */
export function useInbox(language: string) {
  return useQuery({
    queryKey: notificationKeys.inbox(language),
    queryFn: async () => unwrap(await api.GET('/api/v1/notifications')),
    refetchInterval: NOTIFICATIONS_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Mark one reminder read, or all of them (id null). */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: number | null) =>
      id === null
        ? unwrap(await api.POST('/api/v1/notifications/read-all'))
        : unwrap(await api.POST('/api/v1/notifications/{notification_id}/read', { params: { path: { notification_id: id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
