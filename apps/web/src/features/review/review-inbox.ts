// A reviewer's inbox: items waiting for one of their lanes, the most urgent (earliest due) first.
import type { ContentItem, ReviewLane, SessionUser } from '@vetted/contracts';
import { decidableLanes } from './can-decide';

export interface InboxEntry {
  item: ContentItem;
  lanes: ReviewLane[];
  overdue: boolean;
}

export function reviewInbox(items: readonly ContentItem[], user: Pick<SessionUser, 'id' | 'roles'>, now: Date): InboxEntry[] {
  const entries: InboxEntry[] = [];
  for (const item of items) {
    const lanes = decidableLanes(item, user);
    if (lanes.length === 0) continue;
    entries.push({ item, lanes, overdue: item.dueAt !== null && new Date(item.dueAt) < now });
  }
  return entries.sort((a, b) => dueOrder(a.item) - dueOrder(b.item) || a.item.plannedAt.localeCompare(b.item.plannedAt));
}

function dueOrder(item: ContentItem): number {
  return item.dueAt ? new Date(item.dueAt).getTime() : Number.POSITIVE_INFINITY;
}
