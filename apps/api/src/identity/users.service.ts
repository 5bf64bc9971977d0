import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isGuest, SIGNING_ROLES, type CreateUserRequest, type Role, type SessionUser, type UpdateUserRequest, type User } from '@vetted/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { rolesAllowedTo } from './access.policy.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors.js';
import { OutOfOfficeService } from './out-of-office.service.js';
import { hashPassword } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly absences: OutOfOfficeService,
  ) {}

  async create(input: CreateUserRequest, actor: SessionUser | null): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(UserEntity);
      if (await repo.exists({ where: { email: input.email } })) throw new ConflictError(`A user with email ${input.email} already exists`);
      const user = await repo.save(repo.create({ email: input.email, name: input.name, roles: unique(input.roles), markets: unique(input.markets ?? []), passwordHash, active: true }));
      await this.audit.record(tx, { actor, action: 'user.created', entity: 'user', entityId: user.id, after: publicUser(user) });
      return { ...publicUser(user), outOfOffice: null, covering: [] };
    });
  }

  async list(): Promise<User[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { email: 'ASC' } });
    return this.withCover(users);
  }

  /** These users with their roles and whether they are active (for checks made by other modules). */
  async people(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; name: string; roles: Role[]; active: boolean }>> {
    if (ids.length === 0) return [];
    return (await manager.query(`select id, name, roles, active from app_user where id = any($1::uuid[]) order by name, id`, [ids])) as Array<{
      id: string;
      name: string;
      roles: Role[];
      active: boolean;
    }>;
  }

  /** Where to write to these users (active ones only): for notification e-mail. */
  async contacts(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; name: string; email: string }>> {
    if (ids.length === 0) return [];
    return (await manager.query(`select id, name, email from app_user where id = any($1::uuid[]) and active order by name, id`, [ids])) as Array<{ id: string; name: string; email: string }>;
  }

  /** Active staff who may read any item (not reps, not agency guests): whom a comment may mention. */
  async activeStaff(manager: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; name: string; email: string }>> {
    return (await manager.query(
      `select id, name, email from app_user
        where active and roles && $1::text[] and not ('agency' = any(roles))
        order by name, id`,
      [rolesAllowedTo('content.read')],
    )) as Array<{ id: string; name: string; email: string }>;
  }

  /** Active users holding `role`, by name. */
  async activeWithRole(role: Role, manager: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; name: string }>> {
    return (await manager.query(`select id, name from app_user where active and $1 = any(roles) order by name, id`, [role])) as Array<{ id: string; name: string }>;
  }

  /** The user as a request would see them now (roles and markets of today), or null once deactivated or unknown. */
  async activeSessionUser(id: string): Promise<SessionUser | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id, active: true } });
    return user ? { id: user.id, email: user.email, name: user.name, roles: user.roles, markets: user.markets } : null;
  }

  /** Which of these ids are active editors (co-owners of an item must be). */
  async activeEditorIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(`select id from app_user where id = any($1::uuid[]) and active and 'editor' = any(roles)`, [ids])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async update(id: string, input: UpdateUserRequest, actor: SessionUser): Promise<User> {
    const updated = await this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      if (input.active === false && user.id === actor.id) throw new ConflictError('You cannot deactivate your own account; ask another admin');
      if (input.roles !== undefined && user.id === actor.id) assertNoSelfGrantedSigningRole(user.roles, input.roles);
      if (input.roles !== undefined && isGuest(user)) throw new ConflictError(`${user.email} is an agency guest: guests hold no other role; create a staff account instead`);
      const before = publicUser(user);
      if (input.name !== undefined) user.name = input.name;
      if (input.roles !== undefined) user.roles = unique(input.roles);
      if (input.active !== undefined) user.active = input.active;
      if (input.markets !== undefined) user.markets = unique(input.markets);
      await repo.save(user);
      await this.audit.record(tx, { actor, action: 'user.updated', entity: 'user', entityId: id, before, after: publicUser(user) });
      return user;
    });
    // A deactivated user's sessions end at once; the auth check also refuses inactive users on every request.
    if (!updated.active) await this.sessions.revokeAllFor(id);
    return (await this.withCover([updated]))[0];
  }

  /** Users as admins see them: with their planned absence and whom they cover now. */
  private async withCover(users: UserEntity[]): Promise<User[]> {
    const ids = users.map((u) => u.id);
    const [absences, covering] = await Promise.all([this.absences.forUsers(ids), this.absences.coveredBy(ids)]);
    return users.map((u) => ({ ...publicUser(u), outOfOffice: absences.get(u.id) ?? null, covering: covering.get(u.id) ?? [] }));
  }
}

/** A user's own fields (what the audit trail keeps); admins' lists add their absence and cover. */
export function publicUser(u: UserEntity): Omit<User, 'outOfOffice' | 'covering'> {
  return { id: u.id, email: u.email, name: u.name, roles: u.roles, active: u.active, markets: u.markets, createdAt: u.createdAt.toISOString() };
}

/** Segregation of duties: an admin cannot make themselves a reviewer (dropping a role is fine). */
function assertNoSelfGrantedSigningRole(held: readonly string[], requested: readonly string[]): void {
  const granted = requested.filter((role) => SIGNING_ROLES.includes(role as (typeof SIGNING_ROLES)[number]) && !held.includes(role));
  if (granted.length) {
    throw new ForbiddenError(`You cannot grant yourself ${granted.join(', ')}: another admin must grant reviewer roles to your account`, { roles: granted }, 'self_role_grant');
  }
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
