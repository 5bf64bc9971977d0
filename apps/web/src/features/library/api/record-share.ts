// POST /api/library/:itemId/shares (reps): what was shared, through which channel, to which segment.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LibraryShare, RecordShareRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { myShareQueryKeys } from './my-shares';

export function recordShare(itemId: string, body: RecordShareRequest): Promise<LibraryShare> {
  return apiRequest<LibraryShare>(`/library/${encodeURIComponent(itemId)}/shares`, { method: 'POST', body });
}

export function useRecordShare(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordShareRequest) => recordShare(itemId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myShareQueryKeys.all() }),
  });
}
