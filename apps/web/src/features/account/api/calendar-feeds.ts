// My calendar subscriptions: GET/POST /api/calendar/feeds, DELETE /api/calendar/feeds/:id. The URL,
// which holds the feed's secret, comes only in the creation's answer.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedList, CreateCalendarFeedRequest, CreatedCalendarFeed } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

const feedsKey = ['account', 'calendar-feeds'] as const;

export function useCalendarFeeds() {
  return useQuery({ queryKey: feedsKey, queryFn: ({ signal }) => apiRequest<CalendarFeedList>('/calendar/feeds', { signal }) });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCalendarFeedRequest) => apiRequest<CreatedCalendarFeed>('/calendar/feeds', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/calendar/feeds/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}
