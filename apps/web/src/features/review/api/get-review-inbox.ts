// GET /api/reviews/inbox: my review tasks (and those I cover for absent colleagues), a page at a time,
// sorted by due date by the server, with counts. The browser restores no machine to build it.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Inbox } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { reviewQueryKeys } from './get-content-item';

export type InboxStatus = 'open' | 'done';

export function fetchInbox(status: InboxStatus, page: number, signal?: AbortSignal): Promise<Inbox> {
  return apiRequest<Inbox>('/reviews/inbox', { query: { status, page }, signal });
}

export function inboxQueryOptions(status: InboxStatus, page: number) {
  return queryOptions({
    queryKey: reviewQueryKeys.inbox(status, page),
    queryFn: ({ signal }) => fetchInbox(status, page, signal),
    placeholderData: keepPreviousData,
    // Reviewers keep the inbox open; pick up new submissions without a reload.
    refetchInterval: 60_000,
  });
}

export function useInbox(status: InboxStatus, page: number) {
  return useQuery(inboxQueryOptions(status, page));
}
