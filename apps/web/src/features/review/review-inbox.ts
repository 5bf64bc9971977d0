// A reviewer's inbox: items waiting for one of their lanes, the most urgent (earliest due) first.
import type { ContentItem, ReviewLane, SessionUser } from '@vetted/contracts';
import { canDecidePeriodicReview, decidableLanes } from './can-decide';

export interface InboxEntry {
  item: ContentItem;
  /** `periodic`: recertify or retire approved material before it expires. */
  task: 'decide' | 'periodic';
  lanes: ReviewLane[];
  dueAt: string | null;
  overdue: boolean;
}

export function reviewInbox(items: readonly ContentItem[], user: Pick<SessionUser, 'id' | 'roles'>, now: Date): InboxEntry[] {
  const entries: InboxEntry[] = [];
  for (const item of items) {
    if (canDecidePeriodicReview(item, user)) {
      entries.push({ item, task: 'periodic', lanes: [], dueAt: item.periodicReviewDueAt, overdue: false });
      continue;
    }
    if (item.status !== 'in_review') continue;
    const lanes = decidableLanes(item, user);
    if (lanes.length === 0) continue;
    entries.push({ item, task: 'decide', lanes, dueAt: item.dueAt, overdue: item.dueAt !== null && new Date(item.dueAt) < now });
  }
  return entries.sort((a, b) => dueOrder(a.dueAt) - dueOrder(b.dueAt) || a.item.plannedAt.localeCompare(b.item.plannedAt));
}

function dueOrder(dueAt: string | null): number {
  return dueAt ? new Date(dueAt).getTime() : Number.POSITIVE_INFINITY;
}
