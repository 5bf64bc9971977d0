// The text check of a version (claims found in the file, unsupported statements) and the medical
// reviewer's answer to a link: GET / POST /api/content-items/:id/versions/:n/text-check….
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecideTextCheckLinkRequest, TextCheck } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

const base = (itemId: string, versionNumber: number) => `/content-items/${encodeURIComponent(itemId)}/versions/${versionNumber}/text-check`;

export const textCheckQueryKey = (itemId: string, versionNumber: number) => ['review', 'item', itemId, 'text-check', versionNumber] as const;

export const textCheckQueryOptions = (itemId: string, versionNumber: number) =>
  queryOptions({
    queryKey: textCheckQueryKey(itemId, versionNumber),
    queryFn: ({ signal }) => apiRequest<TextCheck>(base(itemId, versionNumber), { signal }),
    // A file still being read is asked again in a few seconds.
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 5000 : false),
  });

export function useTextCheck(itemId: string, versionNumber: number) {
  return useQuery(textCheckQueryOptions(itemId, versionNumber));
}

export function useDecideTextCheckLink(itemId: string, versionNumber: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ linkId, body }: { linkId: string; body: DecideTextCheckLinkRequest }) => apiRequest<TextCheck>(`${base(itemId, versionNumber)}/links/${encodeURIComponent(linkId)}`, { method: 'POST', body }),
    onSuccess: (check) => queryClient.setQueryData(textCheckQueryKey(itemId, versionNumber), check),
  });
}
