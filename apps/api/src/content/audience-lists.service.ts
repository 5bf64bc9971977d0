import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_LIST_COLOUR,
  type Channel,
  type ChannelCapInput,
  type CreateChannelRequest,
  type CreateSegmentRequest,
  type ListEntryRemoval,
  type Segment,
  type SessionUser,
  type UpdateChannelRequest,
  type UpdateSegmentRequest,
} from '@vetted/contracts';
import { saturationBreaches, saturationWeekOf, type PairCapRule, type SaturationBreach } from '@vetted/workflow';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import { databaseNow } from '../infra/database/database-now.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { AudienceCapEntity } from './audience-cap.entity.js';
import { AudienceSegmentEntity } from './audience-segment.entity.js';
import { ContentChannelEntity } from './content-channel.entity.js';

/** Serialises list writes, so the case-insensitive name check cannot race. */
const LISTS_LOCK_KEY = 727_006;
/** With the week's Monday: serialises plans landing in one week, so two editors cannot both fill its last slot. */
const SATURATION_WEEK_LOCK = 727_007;

type Kind = 'channel' | 'segment';
const TABLE = { channel: 'content_channel', segment: 'audience_segment' } as const;
const COLUMN = { channel: 'channels', segment: 'segments' } as const;
const LABEL = { channel: 'channel', segment: 'segment' } as const;

/** Pieces one segment gets through one channel in a week (withdrawn and expired pieces reach nobody). */
export interface PairWeekCount {
  weekStart: string;
  segment: string;
  channel: string;
  count: number;
}

/**
 * The lists of channels and audience segments admins keep, and the weekly caps per (segment, channel).
 * Content items store the entries' names: a name in use never changes (archive the entry instead), and
 * a new plan may only name active entries.
 */
@Injectable()
export class AudienceListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async listChannels(): Promise<Channel[]> {
    const rows = await this.dataSource.getRepository(ContentChannelEntity).find();
    const used = await this.usage(this.dataSource.manager, 'channel');
    return sorted(rows).map((c) => toChannel(c, used));
  }

  async listSegments(): Promise<Segment[]> {
    const rows = await this.dataSource.getRepository(AudienceSegmentEntity).find();
    return this.segmentViews(this.dataSource.manager, sorted(rows), true);
  }

  createChannel(input: CreateChannelRequest, actor: SessionUser): Promise<Channel> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LISTS_LOCK_KEY]);
      await this.checkNameFree(tx, 'channel', input.name, null);
      const repo = tx.getRepository(ContentChannelEntity);
      const channel = await repo.save(repo.create({ name: input.name, colour: input.colour ?? DEFAULT_LIST_COLOUR, archivedAt: null }));
      const view = toChannel(channel, new Map());
      await this.audit.record(tx, { actor, action: 'channel.created', entity: TABLE.channel, entityId: channel.id, after: auditOf(view) });
      return view;
    });
  }

  updateChannel(id: string, input: UpdateChannelRequest, actor: SessionUser): Promise<Channel> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LISTS_LOCK_KEY]);
      const repo = tx.getRepository(ContentChannelEntity);
      const channel = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!channel) throw new NotFoundError('Channel', id);
      const used = await this.usage(tx, 'channel', [channel.name]);
      const before = toChannel(channel, used);
      if (input.name !== undefined && input.name !== channel.name) {
        await this.checkRenamable(tx, 'channel', channel.name, input.name, id, used);
        channel.name = input.name;
      }
      if (input.colour !== undefined) channel.colour = input.colour;
      if (input.archived !== undefined) channel.archivedAt = input.archived ? (channel.archivedAt ?? (await databaseNow(tx))) : null;
      await repo.save(channel);
      const view = toChannel(channel, used);
      await this.audit.record(tx, { actor, action: 'channel.updated', entity: TABLE.channel, entityId: id, before: auditOf(before), after: auditOf(view) });
      return view;
    });
  }

  removeChannel(id: string, actor: SessionUser): Promise<ListEntryRemoval> {
    return this.remove('channel', id, actor);
  }

  createSegment(input: CreateSegmentRequest, actor: SessionUser): Promise<Segment> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LISTS_LOCK_KEY]);
      await this.checkNameFree(tx, 'segment', input.name, null);
      const repo = tx.getRepository(AudienceSegmentEntity);
      const segment = await repo.save(repo.create({ name: input.name, colour: input.colour ?? DEFAULT_LIST_COLOUR, description: input.description || null, archivedAt: null }));
      await this.replaceCaps(tx, segment.id, input.channelCaps ?? []);
      const [view] = await this.segmentViews(tx, [segment]);
      await this.audit.record(tx, { actor, action: 'segment.created', entity: TABLE.segment, entityId: segment.id, after: auditOf(view) });
      return view;
    });
  }

  updateSegment(id: string, input: UpdateSegmentRequest, actor: SessionUser): Promise<Segment> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LISTS_LOCK_KEY]);
      const repo = tx.getRepository(AudienceSegmentEntity);
      const segment = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!segment) throw new NotFoundError('Segment', id);
      const [before] = await this.segmentViews(tx, [segment]);
      if (input.name !== undefined && input.name !== segment.name) {
        await this.checkRenamable(tx, 'segment', segment.name, input.name, id, await this.usage(tx, 'segment', [segment.name]));
        segment.name = input.name;
      }
      if (input.colour !== undefined) segment.colour = input.colour;
      if (input.description !== undefined) segment.description = input.description || null;
      if (input.archived !== undefined) segment.archivedAt = input.archived ? (segment.archivedAt ?? (await databaseNow(tx))) : null;
      await repo.save(segment);
      if (input.channelCaps !== undefined) await this.replaceCaps(tx, id, input.channelCaps);
      const [view] = await this.segmentViews(tx, [segment]);
      await this.audit.record(tx, { actor, action: 'segment.updated', entity: TABLE.segment, entityId: id, before: auditOf(before), after: auditOf(view) });
      return view;
    });
  }

  removeSegment(id: string, actor: SessionUser): Promise<ListEntryRemoval> {
    return this.remove('segment', id, actor);
  }

  /**
   * The list's spelling of each value, refusing one that is not in the list or is archived (400 with
   * `unknown_channel` / `unknown_segment`). Values the item already holds (`kept`) may stay even
   * once archived: archiving an entry must not make the items that use it uneditable.
   */
  async canonicalIn(tx: EntityManager, kind: Kind, values: readonly string[], kept: readonly string[] = []): Promise<string[]> {
    if (values.length === 0) return [];
    // FOR SHARE: an admin deleting or renaming an entry waits until this plan is saved (and then sees it in use).
    const rows = (await tx.query(`select name, archived_at from ${TABLE[kind]} where lower(name) = any($1::text[]) for share`, [values.map((v) => v.toLowerCase())])) as Array<{
      name: string;
      archived_at: Date | null;
    }>;
    const unknown: string[] = [];
    const archived: string[] = [];
    const names = values.map((value) => {
      const match = rows.find((r) => r.name === value) ?? rows.find((r) => r.name.toLowerCase() === value.toLowerCase());
      if (!match) unknown.push(value);
      else if (match.archived_at && !kept.includes(match.name)) archived.push(match.name);
      return match?.name ?? value;
    });
    if (unknown.length || archived.length) {
      const parts = [
        ...(unknown.length ? [`${unknown.map(quoted).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the list of ${LABEL[kind]}s`] : []),
        ...(archived.length ? [`${archived.map(quoted).join(', ')} ${archived.length === 1 ? 'is' : 'are'} archived`] : []),
      ];
      throw new BadInputError(`${COLUMN[kind]}: ${parts.join('; ')} (an admin keeps the list)`, { field: COLUMN[kind], unknown, archived }, kind === 'channel' ? 'unknown_channel' : 'unknown_segment');
    }
    return [...new Set(names)];
  }

  /** Per week of [from, to] (days, UTC), the pieces of each (segment, channel) pair, leaving out `excludeItemId`. */
  async pairWeeksIn(manager: EntityManager, from: string, to: string, excludeItemId: string | null = null): Promise<PairWeekCount[]> {
    const rows = (await manager.query(
      `select to_char(date_trunc('week', i.planned_at at time zone 'UTC'), 'YYYY-MM-DD') as week_start, s as segment, c as channel, count(*)::int as count
         from content_item i
         join item_review r on r.item_id = i.id, unnest(i.segments) as s, unnest(i.channels) as c
        where i.planned_at >= ($1::date)::timestamp at time zone 'UTC' and i.planned_at < ($2::date + 1)::timestamp at time zone 'UTC'
          and r.status not in ('withdrawn', 'expired') and i.id is distinct from $3
        group by 1, 2, 3
        order by 1, 2, 3`,
      [from, to, excludeItemId],
    )) as Array<{ week_start: string; segment: string; channel: string; count: number }>;
    return rows.map((r) => ({ weekStart: r.week_start, segment: r.segment, channel: r.channel, count: r.count }));
  }

  /** Every cap admins set, by the entries' names (what items store). */
  async pairCapsIn(manager: EntityManager): Promise<PairCapRule[]> {
    const rows = (await manager.query(
      `select s.name as segment, c.name as channel, a.weekly_cap
         from audience_cap a join audience_segment s on s.id = a.segment_id join content_channel c on c.id = a.channel_id
        order by 1, 2`,
    )) as Array<{ segment: string; channel: string; weekly_cap: number }>;
    return rows.map((r) => ({ segment: r.segment, channel: r.channel, weeklyCap: r.weekly_cap }));
  }

  get defaultPairCap(): number | null {
    return this.config.segmentChannelWeeklyLimit;
  }

  /**
   * The pairs a piece planned at `plannedAt` would take over their weekly cap, among `pairs` (default:
   * all of its segments × channels). Locks the week until the caller's transaction ends, so the answer
   * holds until the plan is saved.
   */
  async breachesIn(
    tx: EntityManager,
    plan: { plannedAt: Date; segments: readonly string[]; channels: readonly string[]; excludeItemId: string | null; onlyPairs?: (segment: string, channel: string) => boolean },
  ): Promise<SaturationBreach[]> {
    if (plan.segments.length === 0 || plan.channels.length === 0) return [];
    const weekStart = saturationWeekOf(plan.plannedAt);
    await tx.query(`select pg_advisory_xact_lock($1, hashtext($2))`, [SATURATION_WEEK_LOCK, weekStart]);
    const sunday = new Date(Date.parse(`${weekStart}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    const week = await this.pairWeeksIn(tx, weekStart, sunday, plan.excludeItemId);
    const breaches = saturationBreaches({ segments: plan.segments, channels: plan.channels, week, caps: await this.pairCapsIn(tx), defaultCap: this.defaultPairCap });
    return plan.onlyPairs ? breaches.filter((b) => plan.onlyPairs!(b.segment, b.channel)) : breaches;
  }

  private remove(kind: Kind, id: string, actor: SessionUser): Promise<ListEntryRemoval> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LISTS_LOCK_KEY]);
      const repo = tx.getRepository<ContentChannelEntity | AudienceSegmentEntity>(kind === 'channel' ? ContentChannelEntity : AudienceSegmentEntity);
      const entry = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw new NotFoundError(kind === 'channel' ? 'Channel' : 'Segment', id);
      const itemCount = (await this.usage(tx, kind, [entry.name])).get(entry.name) ?? 0;
      const before = { name: entry.name, colour: entry.colour, archived: entry.archivedAt !== null };
      if (itemCount > 0) {
        entry.archivedAt = entry.archivedAt ?? (await databaseNow(tx));
        await repo.save(entry);
        await this.audit.record(tx, { actor, action: `${kind}.archived`, entity: TABLE[kind], entityId: id, before, after: { ...before, archived: true, itemCount } });
        return { outcome: 'archived' };
      }
      await tx.getRepository(AudienceCapEntity).delete(kind === 'channel' ? { channelId: id } : { segmentId: id });
      await repo.delete({ id });
      await this.audit.record(tx, { actor, action: `${kind}.deleted`, entity: TABLE[kind], entityId: id, before });
      return { outcome: 'deleted' };
    });
  }

  /** How many items name each value of the list (by exact name, as items store it); only `names` when given. */
  private async usage(manager: EntityManager, kind: Kind, names?: readonly string[]): Promise<Map<string, number>> {
    const rows = (await manager.query(
      names
        ? `select v as name, count(*)::int as n from content_item, unnest(${COLUMN[kind]}) as v where ${COLUMN[kind]} && $1::text[] and v = any($1::text[]) group by v`
        : `select v as name, count(*)::int as n from content_item, unnest(${COLUMN[kind]}) as v group by v`,
      names ? [names] : [],
    )) as Array<{ name: string; n: number }>;
    return new Map(rows.map((r) => [r.name, r.n]));
  }

  private async checkNameFree(tx: EntityManager, kind: Kind, name: string, exceptId: string | null): Promise<void> {
    const rows = (await tx.query(`select name from ${TABLE[kind]} where lower(name) = lower($1) and id is distinct from $2`, [name, exceptId])) as Array<{ name: string }>;
    if (rows.length) throw new ConflictError(`A ${LABEL[kind]} is already named ${quoted(rows[0].name)}`, { name: rows[0].name }, 'name_taken');
  }

  private async checkRenamable(tx: EntityManager, kind: Kind, current: string, next: string, id: string, used: Map<string, number>): Promise<void> {
    const itemCount = used.get(current) ?? 0;
    if (itemCount > 0) {
      throw new ConflictError(
        `${quoted(current)} is named by ${itemCount} content item${itemCount === 1 ? '' : 's'}: its name cannot change (archive it and add ${quoted(next)} instead)`,
        { name: current, itemCount },
        'list_entry_in_use',
      );
    }
    await this.checkNameFree(tx, kind, next, id);
  }

  private async replaceCaps(tx: EntityManager, segmentId: string, caps: readonly ChannelCapInput[]): Promise<void> {
    const ids = caps.map((c) => c.channelId);
    const found = ids.length ? await tx.getRepository(ContentChannelEntity).find({ where: { id: In(ids) } }) : [];
    const missing = ids.filter((id) => !found.some((c) => c.id === id));
    if (missing.length) throw new BadInputError(`channelCaps: no channel ${missing.join(', ')}`, { field: 'channelCaps', unknown: missing }, 'unknown_channel');
    const repo = tx.getRepository(AudienceCapEntity);
    await repo.delete({ segmentId });
    if (caps.length) await repo.insert(caps.map((c) => ({ segmentId, channelId: c.channelId, weeklyCap: c.weeklyCap })));
  }

  private async segmentViews(manager: EntityManager, segments: AudienceSegmentEntity[], all = false): Promise<Segment[]> {
    if (segments.length === 0) return [];
    const used = await this.usage(manager, 'segment', all ? undefined : segments.map((s) => s.name));
    const caps = (await manager.query(
      `select a.segment_id, a.channel_id, c.name as channel, a.weekly_cap
         from audience_cap a join content_channel c on c.id = a.channel_id
        where a.segment_id = any($1::uuid[])
        order by lower(c.name)`,
      [segments.map((s) => s.id)],
    )) as Array<{ segment_id: string; channel_id: string; channel: string; weekly_cap: number }>;
    return segments.map((s) => ({
      ...toChannel(s, used),
      description: s.description,
      channelCaps: caps.filter((c) => c.segment_id === s.id).map((c) => ({ channelId: c.channel_id, channel: c.channel, weeklyCap: c.weekly_cap })),
    }));
  }
}

const quoted = (name: string) => `“${name}”`;

/** Active entries first, then archived ones, each by name. */
function sorted<T extends { name: string; archivedAt: Date | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }));
}

function toChannel(c: { id: string; name: string; colour: string; archivedAt: Date | null }, used: Map<string, number>): Channel {
  return { id: c.id, name: c.name, colour: c.colour, archived: c.archivedAt !== null, itemCount: used.get(c.name) ?? 0 };
}

function auditOf(entry: Channel | Segment) {
  const { itemCount: _count, ...rest } = entry as Channel & Partial<Segment>;
  return rest;
}
