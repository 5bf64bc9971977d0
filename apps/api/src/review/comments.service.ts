import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ownsItem, SIGNING_ROLES, type CommentThread, type CommentThreadList, type SessionUser, type StartThreadRequest } from '@vetted/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors.js';
import { ContentService } from '../content/content.service.js';
import { NotificationsOutbox } from '../notifications/notifications.outbox.js';
import { CommentThreadEntity } from './comment-thread.entity.js';
import { ThreadCommentEntity } from './thread-comment.entity.js';

/** Review discussions: threads of comments on a version, pinned to a region or a time code, resolved when settled. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsOutbox,
  ) {}

  async list(itemId: string, versionNumber: number | undefined): Promise<CommentThreadList> {
    await this.content.assertExists(itemId);
    const threads = await this.dataSource.getRepository(CommentThreadEntity).find({
      where: { itemId, ...(versionNumber ? { versionNumber } : {}) },
      order: { createdAt: 'ASC' },
    });
    const comments = threads.length
      ? await this.dataSource.getRepository(ThreadCommentEntity).find({ where: { threadId: In(threads.map((t) => t.id)) }, order: { createdAt: 'ASC' } })
      : [];
    return { threads: threads.map((t) => toThread(t, comments.filter((c) => c.threadId === t.id))) };
  }

  start(itemId: string, input: StartThreadRequest, author: SessionUser): Promise<CommentThread> {
    return this.dataSource.transaction(async (tx) => {
      const item = await this.content.lockItem(tx, itemId);
      if (item.currentVersion === null || input.versionNumber > item.currentVersion) {
        throw new BadInputError(`versionNumber: this item has no version ${input.versionNumber} (latest: ${item.currentVersion ?? 'none'})`);
      }
      const threads = tx.getRepository(CommentThreadEntity);
      const thread = await threads.save(threads.create({ itemId, versionNumber: input.versionNumber, anchor: input.anchor ?? null, resolvedAt: null, resolvedBy: null }));
      return this.addComment(tx, thread, input.body, author, 'comment.thread_started');
    });
  }

  reply(itemId: string, threadId: string, body: string, author: SessionUser): Promise<CommentThread> {
    return this.dataSource.transaction(async (tx) => {
      const thread = await this.lockThread(tx, itemId, threadId);
      if (thread.resolvedAt) throw new ConflictError('This thread is resolved; reopen it to reply', { resolvedAt: thread.resolvedAt.toISOString() });
      return this.addComment(tx, thread, body, author, 'comment.replied');
    });
  }

  setResolved(itemId: string, threadId: string, resolved: boolean, actor: SessionUser): Promise<CommentThread> {
    return this.dataSource.transaction(async (tx) => {
      const thread = await this.lockThread(tx, itemId, threadId);
      await this.assertMayResolve(tx, itemId, thread.id, actor);
      if (Boolean(thread.resolvedAt) === resolved) {
        throw new ConflictError(resolved ? 'This thread is already resolved' : 'This thread is not resolved', { resolved });
      }
      thread.resolvedAt = resolved ? new Date() : null;
      thread.resolvedBy = resolved ? actor.name : null;
      await tx.getRepository(CommentThreadEntity).save(thread);
      await this.audit.record(tx, {
        actor,
        action: resolved ? 'comment.thread_resolved' : 'comment.thread_reopened',
        entity: 'content_item',
        entityId: itemId,
        after: { threadId, versionNumber: thread.versionNumber },
      });
      return this.threadIn(tx, thread);
    });
  }

  /** A thread is settled by whoever opened it, the item's owners, or a reviewer. */
  private async assertMayResolve(tx: EntityManager, itemId: string, threadId: string, actor: SessionUser): Promise<void> {
    if (actor.roles.some((role) => (SIGNING_ROLES as readonly string[]).includes(role))) return;
    const first = await tx.getRepository(ThreadCommentEntity).findOne({ where: { threadId }, order: { createdAt: 'ASC' } });
    if (first?.authorId === actor.id) return;
    if (ownsItem(await this.content.lockItem(tx, itemId), actor.id)) return;
    throw new ForbiddenError('Only the thread’s author, the item’s owners or a reviewer may resolve or reopen it', undefined, 'not_item_owner');
  }

  private async addComment(tx: EntityManager, thread: CommentThreadEntity, body: string, author: SessionUser, action: string): Promise<CommentThread> {
    const comments = tx.getRepository(ThreadCommentEntity);
    await comments.save(comments.create({ threadId: thread.id, authorId: author.id, authorName: author.name, body }));
    await this.audit.record(tx, {
      actor: author,
      action,
      entity: 'content_item',
      entityId: thread.itemId,
      after: { threadId: thread.id, versionNumber: thread.versionNumber, anchor: thread.anchor, body },
    });
    if (body.includes('@')) {
      const item = await this.content.factsIn(tx, thread.itemId);
      await this.notifications.notifyMentionsIn(tx, { body, itemId: thread.itemId, itemTitle: item?.title ?? '', threadId: thread.id, author });
    }
    return this.threadIn(tx, thread);
  }

  private async lockThread(tx: EntityManager, itemId: string, threadId: string): Promise<CommentThreadEntity> {
    const thread = await tx.getRepository(CommentThreadEntity).findOne({ where: { id: threadId, itemId }, lock: { mode: 'pessimistic_write' } });
    if (!thread) throw new NotFoundError('Comment thread', threadId);
    return thread;
  }

  private async threadIn(tx: EntityManager, thread: CommentThreadEntity): Promise<CommentThread> {
    const comments = await tx.getRepository(ThreadCommentEntity).find({ where: { threadId: thread.id }, order: { createdAt: 'ASC' } });
    return toThread(thread, comments);
  }
}

function toThread(t: CommentThreadEntity, comments: ThreadCommentEntity[]): CommentThread {
  return {
    id: t.id,
    versionNumber: t.versionNumber,
    anchor: t.anchor,
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    resolvedBy: t.resolvedBy,
    comments: comments.map((c) => ({ id: c.id, authorId: c.authorId, authorName: c.authorName, body: c.body, createdAt: c.createdAt.toISOString() })),
  };
}
