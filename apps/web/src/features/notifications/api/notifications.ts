// My notifications (GET /api/notifications, mark one or all read) and my e-mail preference
// (GET/PUT /api/users/me/notification-settings). The bell polls the first unread page every 30 s.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationList, NotificationSettings, ReadAllResult, UpdateNotificationSettings } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export const notificationQueryKeys = {
  all: ['notifications'] as const,
  list: (unreadOnly: boolean, page: number) => ['notifications', 'list', { unreadOnly, page }] as const,
  settings: () => ['notifications', 'settings'] as const,
};

export const BELL_POLL_MS = 30_000;

export function notificationsQueryOptions(unreadOnly: boolean, page: number) {
  return queryOptions({
    queryKey: notificationQueryKeys.list(unreadOnly, page),
    queryFn: ({ signal }) => apiRequest<NotificationList>('/notifications', { query: { unread: unreadOnly ? 'true' : undefined, page }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: BELL_POLL_MS,
  });
}

export function useNotifications(unreadOnly: boolean, page: number) {
  return useQuery(notificationsQueryOptions(unreadOnly, page));
}

/** The bell's number: the unread count the first unread page carries. */
export function useUnreadCount(): number | undefined {
  return useQuery({ ...notificationsQueryOptions(true, 1), select: (list) => list.unread }).data;
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<Notification>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationQueryKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ReadAllResult>('/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationQueryKeys.all }),
  });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationQueryKeys.settings(), queryFn: ({ signal }) => apiRequest<NotificationSettings>('/users/me/notification-settings', { signal }) });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettings) => apiRequest<NotificationSettings>('/users/me/notification-settings', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(notificationQueryKeys.settings(), saved),
  });
}
