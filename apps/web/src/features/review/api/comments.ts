// Review discussions on a version: GET/POST /api/content-items/:id/comments, replies, resolve and reopen.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentThread, CommentThreadList, StartThreadRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { reviewQueryKeys } from './get-content-item';

export const commentQueryKeys = {
  all: (itemId: string) => [...reviewQueryKeys.item(itemId), 'comments'] as const,
  version: (itemId: string, version: number) => [...commentQueryKeys.all(itemId), version] as const,
  every: (itemId: string) => [...commentQueryKeys.all(itemId), 'every'] as const,
};

const base = (itemId: string) => `/content-items/${encodeURIComponent(itemId)}/comments`;

export function commentThreadsQueryOptions(itemId: string, version: number) {
  return queryOptions({
    queryKey: commentQueryKeys.version(itemId, version),
    queryFn: ({ signal }) => apiRequest<CommentThreadList>(base(itemId), { query: { version }, signal }),
  });
}

export function useCommentThreads(itemId: string, version: number, enabled = true) {
  return useQuery({ ...commentThreadsQueryOptions(itemId, version), enabled });
}

/** Every thread of the item, on all its versions (the compare view tells which were resolved between two). */
export function allCommentThreadsQueryOptions(itemId: string) {
  return queryOptions({
    queryKey: commentQueryKeys.every(itemId),
    queryFn: ({ signal }) => apiRequest<CommentThreadList>(base(itemId), { signal }),
  });
}

export function useAllCommentThreads(itemId: string, enabled: boolean) {
  return useQuery({ ...allCommentThreadsQueryOptions(itemId), enabled });
}

type ThreadAction = { kind: 'start'; body: StartThreadRequest } | { kind: 'reply'; threadId: string; body: string } | { kind: 'resolve' | 'reopen'; threadId: string };

export function sendThreadAction(itemId: string, action: ThreadAction): Promise<CommentThread> {
  switch (action.kind) {
    case 'start':
      return apiRequest<CommentThread>(base(itemId), { method: 'POST', body: action.body });
    case 'reply':
      return apiRequest<CommentThread>(`${base(itemId)}/${action.threadId}/replies`, { method: 'POST', body: { body: action.body } });
    default:
      return apiRequest<CommentThread>(`${base(itemId)}/${action.threadId}/${action.kind}`, { method: 'POST' });
  }
}

export function useThreadAction(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ThreadAction) => sendThreadAction(itemId, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentQueryKeys.all(itemId) }),
  });
}
