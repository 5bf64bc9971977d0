import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isGuest, LANE_ROLE, type CreateReviewGroupRequest, type ReviewGroup, type ReviewLane, type SessionUser, type UpdateReviewGroupRequest } from '@vetted/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/domain-errors.js';
import { UsersService } from '../identity/users.service.js';
import { ReviewGroupMemberEntity } from './review-group-member.entity.js';
import { ReviewGroupEntity } from './review-group.entity.js';

/** Serialises group writes, so the name and "one default per lane" checks cannot race. */
const GROUPS_LOCK_KEY = 727_005;

/** An active group with its members' ids, as the submission reads it. */
export interface StaffingGroup {
  id: string;
  name: string;
  lane: ReviewLane;
  quorum: { rule: ReviewGroupEntity['quorumRule']; n?: number };
  products: string[];
  markets: string[];
  createdAt: Date;
  memberIds: string[];
}

/**
 * Reviewer groups (admins): who staffs a lane for which products and markets, with which quorum.
 * Members must be active holders of the lane's role when the group is saved; at each submission the
 * members who may decide are counted again (someone may have left or lost the role since).
 */
@Injectable()
export class ReviewGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ReviewGroup[]> {
    const groups = await this.dataSource.getRepository(ReviewGroupEntity).find({ order: { lane: 'ASC', name: 'ASC' } });
    return this.viewsOf(this.dataSource.manager, groups);
  }

  create(input: CreateReviewGroupRequest, actor: SessionUser): Promise<ReviewGroup> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [GROUPS_LOCK_KEY]);
      const memberIds = unique(input.memberIds);
      const products = unique(input.products ?? []);
      const markets = unique(input.markets ?? []);
      await this.checkMembers(tx, input.lane, memberIds);
      checkQuorum(input.quorum, memberIds.length);
      await this.checkNameFree(tx, input.name, null);
      if (products.length === 0 && markets.length === 0) await this.checkDefaultFree(tx, input.lane, null);
      const repo = tx.getRepository(ReviewGroupEntity);
      const group = await repo.save(
        repo.create({ name: input.name, lane: input.lane, quorumRule: input.quorum.rule, quorumN: input.quorum.n ?? null, products, markets, active: true }),
      );
      await tx.getRepository(ReviewGroupMemberEntity).insert(memberIds.map((userId) => ({ groupId: group.id, userId })));
      const [view] = await this.viewsOf(tx, [group]);
      await this.audit.record(tx, { actor, action: 'review_group.created', entity: 'review_group', entityId: group.id, after: auditOf(view) });
      return view;
    });
  }

  update(id: string, input: UpdateReviewGroupRequest, actor: SessionUser): Promise<ReviewGroup> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [GROUPS_LOCK_KEY]);
      const repo = tx.getRepository(ReviewGroupEntity);
      const group = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw new NotFoundError('Reviewer group', id);
      const [before] = await this.viewsOf(tx, [group]);
      const memberIds = input.memberIds ? unique(input.memberIds) : before.memberIds;
      if (input.memberIds) await this.checkMembers(tx, group.lane, memberIds);
      const quorum = input.quorum ?? before.quorum;
      if (input.quorum || input.memberIds) checkQuorum(quorum, memberIds.length);
      if (input.name !== undefined) await this.checkNameFree(tx, input.name, id);
      if (input.name !== undefined) group.name = input.name;
      if (input.quorum) {
        group.quorumRule = input.quorum.rule;
        group.quorumN = input.quorum.n ?? null;
      }
      if (input.products) group.products = unique(input.products);
      if (input.markets) group.markets = unique(input.markets);
      if (input.active !== undefined) group.active = input.active;
      if (group.active && group.products.length === 0 && group.markets.length === 0) await this.checkDefaultFree(tx, group.lane, id);
      await repo.save(group);
      if (input.memberIds) {
        const members = tx.getRepository(ReviewGroupMemberEntity);
        await members.delete({ groupId: id });
        await members.insert(memberIds.map((userId) => ({ groupId: id, userId })));
      }
      const [after] = await this.viewsOf(tx, [group]);
      await this.audit.record(tx, { actor, action: 'review_group.updated', entity: 'review_group', entityId: id, before: auditOf(before), after: auditOf(after) });
      return after;
    });
  }

  /** The active groups of these lanes, with their members, in the caller's transaction. */
  async activeGroupsIn(tx: EntityManager, lanes: readonly ReviewLane[]): Promise<StaffingGroup[]> {
    if (lanes.length === 0) return [];
    const groups = await tx.getRepository(ReviewGroupEntity).find({ where: { active: true, lane: In([...lanes]) } });
    const members = await this.membersOf(tx, groups.map((g) => g.id));
    return groups.map((g) => ({
      id: g.id,
      name: g.name,
      lane: g.lane,
      quorum: quorumOf(g),
      products: g.products,
      markets: g.markets,
      createdAt: g.createdAt,
      memberIds: members.get(g.id) ?? [],
    }));
  }

  private async viewsOf(manager: EntityManager, groups: ReviewGroupEntity[]): Promise<ReviewGroup[]> {
    const members = await this.membersOf(manager, groups.map((g) => g.id));
    const people = new Map((await this.users.people([...new Set([...members.values()].flat())], manager)).map((p) => [p.id, p]));
    return groups.map((g) => {
      const ids = members.get(g.id) ?? [];
      return {
        id: g.id,
        name: g.name,
        lane: g.lane,
        memberIds: ids,
        members: ids.flatMap((id) => {
          const p = people.get(id);
          return p ? [{ id, name: p.name, active: p.active }] : [];
        }),
        quorum: quorumOf(g),
        products: g.products,
        markets: g.markets,
        active: g.active,
        createdAt: g.createdAt.toISOString(),
        updatedAt: g.updatedAt.toISOString(),
      };
    });
  }

  private async membersOf(manager: EntityManager, groupIds: string[]): Promise<Map<string, string[]>> {
    if (groupIds.length === 0) return new Map();
    const rows = await manager.getRepository(ReviewGroupMemberEntity).find({ where: { groupId: In(groupIds) } });
    const byGroup = new Map<string, string[]>();
    for (const r of rows) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r.userId]);
    return byGroup;
  }

  /** Members hold the lane's role and are active when the group is saved. */
  private async checkMembers(tx: EntityManager, lane: ReviewLane, memberIds: string[]): Promise<void> {
    const found = new Map((await this.users.people(memberIds, tx)).map((p) => [p.id, p]));
    const role = LANE_ROLE[lane];
    const wrong = memberIds.flatMap((id) => {
      const p = found.get(id);
      if (!p) return [`${id} is not a user`];
      if (!p.active) return [`${p.name} is deactivated`];
      if (isGuest(p) || !p.roles.includes(role)) return [`${p.name} does not hold ${role}`];
      return [];
    });
    if (wrong.length) throw new BadInputError(`memberIds: the members of a ${lane} group are active ${role}s; ${wrong.join('; ')}`, { problems: wrong });
  }

  private async checkNameFree(tx: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const rows = (await tx.query(`select id from review_group where lower(name) = lower($1) and id is distinct from $2`, [name, exceptId])) as unknown[];
    if (rows.length) throw new ConflictError(`A reviewer group is already named “${name}”`);
  }

  private async checkDefaultFree(tx: EntityManager, lane: ReviewLane, exceptId: string | null): Promise<void> {
    const rows = (await tx.query(
      `select name from review_group where lane = $1 and active and products = '{}' and markets = '{}' and id is distinct from $2`,
      [lane, exceptId],
    )) as Array<{ name: string }>;
    if (rows.length) {
      throw new ConflictError(`The ${lane} lane already has a default group (“${rows[0].name}”, no product and no market): name products or markets, or retire that one first`, {
        defaultGroup: rows[0].name,
      });
    }
  }
}

function checkQuorum(quorum: { rule: string; n?: number }, members: number): void {
  if (quorum.rule === 'n_of_m' && (quorum.n ?? 0) > members) throw new BadInputError(`quorum.n: ${quorum.n} approvals cannot come from ${members} member(s)`);
}

function quorumOf(g: ReviewGroupEntity): StaffingGroup['quorum'] {
  return g.quorumN === null ? { rule: g.quorumRule } : { rule: g.quorumRule, n: g.quorumN };
}

function auditOf(g: ReviewGroup) {
  return { name: g.name, lane: g.lane, memberIds: g.memberIds, quorum: g.quorum, products: g.products, markets: g.markets, active: g.active };
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
