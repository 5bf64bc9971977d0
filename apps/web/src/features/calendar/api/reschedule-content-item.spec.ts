import { MutationObserver, QueryClient } from '@tanstack/react-query';
import type { ContentItemList } from '@vetted/contracts';
import { aContentItemSummary } from '../../../testing/content-items';
import { calendarQueryKeys } from './get-content-items';
import { rescheduleMutationOptions } from './reschedule-content-item';

const monthKey = calendarQueryKeys.list({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
const item = aContentItemSummary({ plannedAt: '2026-12-03T09:00:00.000Z' });

function setUp(answer: () => Promise<Response>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData<ContentItemList>(monthKey, { items: [item], total: 1, page: 1, pageSize: 500 });
  const seen: string[] = [];
  globalThis.fetch = (async () => {
    seen.push(queryClient.getQueryData<ContentItemList>(monthKey)!.items[0].plannedAt);
    return answer();
  }) as typeof fetch;
  return { queryClient, seen, observer: new MutationObserver(queryClient, rescheduleMutationOptions(queryClient)) };
}

describe('rescheduling an item', () => {
  it('moves the card before the API answers', async () => {
    const { observer, seen } = setUp(async () => new Response(JSON.stringify({ ...item, plannedAt: '2026-12-10T09:00:00.000Z' }), { status: 200 }));
    await observer.mutate({ id: item.id, plannedAt: '2026-12-10T09:00:00.000Z' });
    expect(seen[0]).toBe('2026-12-10T09:00:00.000Z');
  });

  it('puts the card back when the API refuses, with its message', async () => {
    const refusal = { statusCode: 409, error: 'Conflict', message: 'The item is withdrawn: it cannot be planned.' };
    const { observer, queryClient } = setUp(async () => new Response(JSON.stringify(refusal), { status: 409 }));
    await expect(observer.mutate({ id: item.id, plannedAt: '2026-12-10T09:00:00.000Z' })).rejects.toMatchObject({ status: 409, message: refusal.message });
    expect(queryClient.getQueryData<ContentItemList>(monthKey)!.items[0].plannedAt).toBe('2026-12-03T09:00:00.000Z');
  });
});
