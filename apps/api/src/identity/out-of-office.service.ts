import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isGuest, LANE_ROLE, type DelegateCandidate, type OutOfOffice, type OutOfOfficeRequest, type Role, type SessionUser } from '@vetted/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError } from '../common/domain-errors.js';
import { UserAbsenceEntity } from './user-absence.entity.js';
import { UserEntity } from './user.entity.js';

/** Longest planned absence: a longer one is a change of team, for the admin to make in the groups. */
const MAX_ABSENCE_DAYS = 366;
const REVIEWER_ROLES: readonly Role[] = Object.values(LANE_ROLE);

export interface Person {
  id: string;
  name: string;
}

/**
 * Out of office: a reviewer names a colleague who covers their review tasks for a period. The
 * delegate holds every reviewer role the person holds, so each covered task is one they may decide;
 * whether they may decide a given item (not its author, not its uploader) is checked when they do.
 * Delegation does not chain: a delegate's own delegate does not see the first person's tasks.
 */
@Injectable()
export class OutOfOfficeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(userId: string): Promise<OutOfOffice | null> {
    return (await this.forUsers([userId])).get(userId) ?? null;
  }

  /** The planned or running absences of these users, with their delegates' names. */
  async forUsers(userIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, OutOfOffice>> {
    if (userIds.length === 0) return new Map();
    const rows = (await manager.query(
      `select a.user_id, a.starts_at, a.ends_at, a.delegate_id, d.name as delegate_name, (a.starts_at <= now() and a.ends_at > now()) as active
         from user_absence a join app_user d on d.id = a.delegate_id
        where a.user_id = any($1::uuid[]) and a.ends_at > now()`,
      [userIds],
    )) as Array<{ user_id: string; starts_at: Date; ends_at: Date; delegate_id: string; delegate_name: string; active: boolean }>;
    return new Map(
      rows.map((r) => [r.user_id, { from: r.starts_at.toISOString(), to: r.ends_at.toISOString(), delegateId: r.delegate_id, delegateName: r.delegate_name, active: r.active }]),
    );
  }

  /** Who covers each of these users right now (absences running at database time). */
  async activeDelegatesOf(userIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, Person>> {
    const all = await this.forUsers(userIds, manager);
    return new Map([...all].filter(([, o]) => o.active).map(([id, o]) => [id, { id: o.delegateId, name: o.delegateName }]));
  }

  /** Whom `delegateId` covers right now, with the end of each absence. */
  async coveredBy(delegateIds: readonly string[]): Promise<Map<string, Array<Person & { to: string }>>> {
    if (delegateIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `select a.delegate_id, u.id, u.name, a.ends_at from user_absence a join app_user u on u.id = a.user_id
        where a.delegate_id = any($1::uuid[]) and a.starts_at <= now() and a.ends_at > now() order by u.name`,
      [delegateIds],
    )) as Array<{ delegate_id: string; id: string; name: string; ends_at: Date }>;
    const byDelegate = new Map<string, Array<Person & { to: string }>>();
    for (const r of rows) byDelegate.set(r.delegate_id, [...(byDelegate.get(r.delegate_id) ?? []), { id: r.id, name: r.name, to: r.ends_at.toISOString() }]);
    return byDelegate;
  }

  /** Does `delegateId` cover `absentId` now? Read in the caller's transaction, at its database time. */
  async coversNow(manager: EntityManager, delegateId: string, absentId: string): Promise<boolean> {
    const rows = (await manager.query(`select 1 from user_absence where user_id = $1 and delegate_id = $2 and starts_at <= now() and ends_at > now()`, [absentId, delegateId])) as unknown[];
    return rows.length > 0;
  }

  /** Colleagues who may cover for `user`: active, not guests, holding every reviewer role `user` holds. */
  async delegates(user: SessionUser): Promise<DelegateCandidate[]> {
    const needed = reviewerRolesOf(user.roles);
    if (needed.length === 0) return [];
    const rows = (await this.dataSource.query(
      `select id, name, email from app_user where active and id <> $1 and roles @> $2::text[] and not ('agency' = any(roles)) order by name`,
      [user.id, needed],
    )) as DelegateCandidate[];
    return rows;
  }

  async set(user: SessionUser, input: OutOfOfficeRequest): Promise<OutOfOffice> {
    await this.dataSource.transaction(async (tx) => {
      const [{ now }] = (await tx.query('select now() as now')) as Array<{ now: Date }>;
      const from = new Date(input.from);
      const to = new Date(input.to);
      if (to <= now) throw new BadInputError('to: the absence must end in the future');
      if (to.getTime() - from.getTime() > MAX_ABSENCE_DAYS * 86_400_000) {
        throw new BadInputError(`to: an absence lasts at most ${MAX_ABSENCE_DAYS} days; for longer, ask an admin to change the reviewer groups`);
      }
      if (input.delegateId === user.id) throw new BadInputError('delegateId: you cannot cover for yourself');
      const delegate = await tx.getRepository(UserEntity).findOne({ where: { id: input.delegateId } });
      if (!delegate || !delegate.active || isGuest(delegate)) throw new BadInputError(`delegateId: ${input.delegateId} is not an active colleague`);
      const missing = reviewerRolesOf(user.roles).filter((role) => !delegate.roles.includes(role));
      if (missing.length) {
        throw new BadInputError(`delegateId: ${delegate.name} does not hold ${missing.join(', ')}, so could not decide your review tasks`, { missing });
      }
      const repo = tx.getRepository(UserAbsenceEntity);
      const before = await repo.findOne({ where: { userId: user.id }, lock: { mode: 'pessimistic_write' } });
      await repo.save(repo.create({ userId: user.id, startsAt: from, endsAt: to, delegateId: delegate.id }));
      await this.audit.record(tx, {
        actor: user,
        action: 'user.out_of_office_set',
        entity: 'user',
        entityId: user.id,
        before: before ? absenceSummary(before) : null,
        after: { from: from.toISOString(), to: to.toISOString(), delegateId: delegate.id, delegateName: delegate.name },
      });
    });
    const saved = await this.get(user.id);
    if (!saved) throw new Error('out-of-office period not found right after saving it');
    return saved;
  }

  async clear(user: SessionUser): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(UserAbsenceEntity);
      const before = await repo.findOne({ where: { userId: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!before) return;
      await repo.delete({ userId: user.id });
      await this.audit.record(tx, { actor: user, action: 'user.out_of_office_cleared', entity: 'user', entityId: user.id, before: absenceSummary(before) });
    });
  }
}

function reviewerRolesOf(roles: readonly Role[]): Role[] {
  return REVIEWER_ROLES.filter((role) => roles.includes(role));
}

function absenceSummary(a: UserAbsenceEntity) {
  return { from: a.startsAt.toISOString(), to: a.endsAt.toISOString(), delegateId: a.delegateId };
}
