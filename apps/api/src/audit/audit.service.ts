import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEvent, AuditTrail } from '@vetted/contracts';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent, type TransactionStartEvent } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';
import { auditHash, GENESIS_HASH, type HashedFields } from './audit-hash.js';

export interface AuditActor {
  id: string;
  name: string;
}

export interface AuditRecord {
  actor: AuditActor | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

// Serialises chaining so each event links to the one committed just before it.
const CHAIN_LOCK_KEY = 727_002;
const VERIFY_BATCH = 1000;

type PendingEvent = Omit<HashedFields, 'seq' | 'at' | 'before' | 'after'> & { before: object | null; after: object | null };

/**
 * Owns the audit trail: append inside the caller's transaction, read, and verify the hash chain.
 *
 * An event is taken down when recorded but chained just before its transaction commits: the chain's
 * lock is then held for the few statements of the chaining and the commit, not for the rest of the
 * transaction (a decision builds the item's whole view after its events; with every append waiting on
 * one lock, that was the queue 50 reviewers stood in). The event still commits or rolls back with the
 * change, and chain order is commit order.
 */
@Injectable()
export class AuditService implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, PendingEvent[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Takes one event down in the caller's transaction; it is chained when that transaction commits. */
  async record(tx: EntityManager, record: AuditRecord): Promise<void> {
    const event: PendingEvent = {
      actorId: record.actor?.id ?? null,
      actorName: record.actor?.name ?? null,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      // Stored as jsonb and hashed from the same plain-JSON form, so verification re-derives identical bytes;
      // copied now, so what the caller changes later in its transaction is not what the event says.
      before: toPlainJson(record.before),
      after: toPlainJson(record.after),
    };
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) return this.chain(tx, [event]);
    const events = this.pending.get(runner);
    if (events) events.push(event);
    else this.pending.set(runner, [event]);
  }

  // A savepoint opening chains what came before it, so rolling back to it discards only what followed.
  beforeTransactionStart(event: TransactionStartEvent): Promise<void> {
    return this.chainPending(event.queryRunner);
  }

  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return this.chainPending(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }

  private async chainPending(runner: QueryRunner): Promise<void> {
    const events = this.pending.get(runner);
    if (!events) return;
    this.pending.delete(runner);
    await this.chain(runner.manager, events);
  }

  private async chain(tx: EntityManager, events: PendingEvent[]): Promise<void> {
    await tx.query('select pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    // Read after the lock is granted (a statement of its own: its snapshot then sees the last chained event).
    const numbers = (await tx.query(
      `select nextval('audit_event_seq')::bigint as seq, date_trunc('milliseconds', clock_timestamp()) as at,
              (select hash from audit_event order by seq desc limit 1) as head
         from generate_series(1, $1::int) order by 1`,
      [events.length],
    )) as Array<{ seq: string; at: Date; head: string | null }>;
    let prevHash = numbers[0].head ?? GENESIS_HASH;
    const rows = events.map((event, i) => {
      const fields = { seq: Number(numbers[i].seq), at: numbers[i].at, ...event };
      const row = { ...fields, prevHash, hash: auditHash(prevHash, fields) };
      prevHash = row.hash;
      return row;
    });
    await tx.getRepository(AuditEventEntity).insert(rows);
  }

  /** How many events of these actions each entity has: e.g. how often an item was rescheduled (a calendar's SEQUENCE). */
  async countActions(entity: string, entityIds: readonly string[], actions: readonly string[]): Promise<Map<string, number>> {
    if (entityIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `select entity_id, count(*)::int as n from audit_event where entity = $1 and entity_id = any($2::text[]) and action = any($3::text[]) group by entity_id`,
      [entity, entityIds, actions],
    )) as Array<{ entity_id: string; n: number }>;
    return new Map(rows.map((r) => [r.entity_id, r.n]));
  }

  /** Events of one entity (or all), each checked against its own hash and its link to the event before it. */
  /** The latest `limit` matching events (before `beforeSeq` when paging back), oldest first. */
  async trail(filter: { entity?: string; entityId?: string; limit: number; beforeSeq?: number }): Promise<AuditTrail> {
    const rows = (await this.dataSource.query(
      `select * from (
         select e.*, (select p.hash from audit_event p where p.seq < e.seq order by p.seq desc limit 1) as actual_prev_hash
           from audit_event e
          where ($1::text is null or e.entity = $1) and ($2::text is null or e.entity_id = $2) and ($4::bigint is null or e.seq < $4)
          order by e.seq desc
          limit $3) latest
        order by seq asc`,
      [filter.entity ?? null, filter.entityId ?? null, filter.limit, filter.beforeSeq ?? null],
    )) as RawEvent[];
    let firstBrokenSeq: number | null = null;
    const events = rows.map((r) => {
      const event = fromRaw(r);
      if (firstBrokenSeq === null && !linkHolds(r, r.actual_prev_hash ?? GENESIS_HASH)) firstBrokenSeq = event.seq;
      return event;
    });
    return { events, verified: firstBrokenSeq === null, firstBrokenSeq };
  }

  /**
   * Every event of one entity, oldest first, with the hash of the event before each: what an auditor's
   * package carries so each event's hash can be re-computed offline.
   */
  async eventsOf(entity: string, entityId: string): Promise<ChainedAuditEvent[]> {
    const rows = (await this.dataSource.query('select * from audit_event where entity = $1 and entity_id = $2 order by seq asc', [entity, entityId])) as RawEvent[];
    return rows.map((r) => ({ ...fromRaw(r), prevHash: r.prev_hash }));
  }

  /** Walks the whole chain in order; returns the first event whose hash or link does not hold. */
  async verifyChain(): Promise<{ checked: number; firstBrokenSeq: number | null; reason: string | null }> {
    let prevHash = GENESIS_HASH;
    let afterSeq = -1;
    let checked = 0;
    for (;;) {
      const rows = (await this.dataSource.query('select * from audit_event where seq > $1 order by seq asc limit $2', [afterSeq, VERIFY_BATCH])) as RawEvent[];
      if (rows.length === 0) return { checked, firstBrokenSeq: null, reason: null };
      for (const r of rows) {
        const seq = Number(r.seq);
        if (r.prev_hash !== prevHash) return { checked, firstBrokenSeq: seq, reason: 'its link to the previous event does not match' };
        if (!linkHolds(r, prevHash)) return { checked, firstBrokenSeq: seq, reason: 'its content does not match its hash' };
        prevHash = r.hash;
        afterSeq = seq;
        checked++;
      }
    }
  }
}

/** An event with its link: `hash` = SHA-256(`prevHash` + canonical JSON of the event). */
export type ChainedAuditEvent = AuditEvent & { prevHash: string };

interface RawEvent {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
  actual_prev_hash?: string | null;
}

function hashedFieldsOf(r: RawEvent): HashedFields {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  };
}

function linkHolds(r: RawEvent, expectedPrev: string): boolean {
  return r.prev_hash === expectedPrev && auditHash(r.prev_hash, hashedFieldsOf(r)) === r.hash;
}

function fromRaw(r: RawEvent): AuditEvent {
  return { ...hashedFieldsOf(r), at: r.at.toISOString(), hash: r.hash };
}

function toPlainJson(value: unknown): object | null {
  return value === undefined || value === null ? null : (JSON.parse(JSON.stringify(value)) as object);
}
