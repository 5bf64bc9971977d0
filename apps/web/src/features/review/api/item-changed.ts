// After any change to an item: show the API's answer at once, then refresh every list and its audit trail.
import type { QueryClient } from '@tanstack/react-query';
import type { ContentItem } from '@vetted/contracts';
import { auditQueryKey, contentItemsQueryKey } from '../../../app/query-keys';
import { reviewQueryKeys } from './get-content-item';

export async function itemChanged(queryClient: QueryClient, itemId: string, answer?: unknown): Promise<void> {
  if (isItem(answer, itemId)) queryClient.setQueryData(reviewQueryKeys.item(itemId), answer);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: contentItemsQueryKey }),
    queryClient.invalidateQueries({ queryKey: auditQueryKey }),
  ]);
}

function isItem(answer: unknown, itemId: string): answer is ContentItem {
  return typeof answer === 'object' && answer !== null && (answer as ContentItem).id === itemId && 'status' in answer;
}
