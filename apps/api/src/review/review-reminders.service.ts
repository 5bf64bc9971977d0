import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXPIRY_NOTICE_DAYS, type NotificationType, type ReviewLane } from '@vetted/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ContentService } from '../content/content.service.js';
import { NotificationsOutbox } from '../notifications/notifications.outbox.js';

const DAY_MS = 86_400_000;

interface DueTask {
  id: string;
  item_id: string;
  lane: ReviewLane;
  assignee_id: string;
  due_at: Date;
}

/**
 * Reminders written on a schedule: a review task due within a day, a task overdue, an approval
 * running out within EXPIRY_NOTICE_DAYS. Each carries a key (the task, or the item and its expiry),
 * so a second run, or a run every few minutes, tells nobody twice; a recertified item gets a new notice.
 */
@Injectable()
export class ReviewRemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly notifications: NotificationsOutbox,
  ) {}

  async remindDue(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const tasks = (await tx.query(
        `select t.id, t.item_id, t.lane, t.assignee_id, t.due_at from review_task t
           join item_review r on r.item_id = t.item_id and r.round = t.round and r.status = 'in_review'
          where t.status = 'open' and t.due_at is not null and t.due_at <= now() + interval '1 day'
          order by t.due_at limit 2000`,
      )) as DueTask[];
      const titles = new Map<string, string>();
      for (const task of tasks) {
        const overdue = task.due_at.getTime() <= Date.now();
        const type: NotificationType = overdue ? 'task_overdue' : 'task_due_soon';
        const itemTitle = await this.titleOf(tx, task.item_id, titles);
        await this.notifications.notifyIn(tx, {
          type,
          recipientIds: [task.assignee_id],
          itemId: task.item_id,
          params: { itemTitle, lane: task.lane, dueAt: task.due_at.toISOString() },
          dedupeKey: `${type}:${task.id}`,
        });
      }
      const expiring = (await tx.query(
        `select item_id, expires_at from item_review
          where status = 'approved' and expires_at > now() and expires_at <= now() + make_interval(days => $1)
          order by expires_at limit 2000`,
        [EXPIRY_NOTICE_DAYS],
      )) as Array<{ item_id: string; expires_at: Date }>;
      for (const row of expiring) {
        const item = await this.content.factsIn(tx, row.item_id);
        if (!item) continue;
        await this.notifications.notifyIn(tx, {
          type: 'item_expiring',
          recipientIds: [item.ownerId, ...item.coOwnerIds],
          itemId: item.id,
          params: { itemTitle: item.title, expiresAt: row.expires_at.toISOString() },
          dedupeKey: `item_expiring:${item.id}:${Math.floor(row.expires_at.getTime() / DAY_MS)}`,
        });
      }
    });
  }

  private async titleOf(tx: EntityManager, itemId: string, cache: Map<string, string>): Promise<string> {
    if (!cache.has(itemId)) cache.set(itemId, (await this.content.factsIn(tx, itemId))?.title ?? '');
    return cache.get(itemId)!;
  }
}
