import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isGuest, type LoginRequest, type LoginResponse } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { UnauthenticatedError } from '../common/domain-errors.js';
import { GuestsService } from './guests.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { burnPasswordCheck, verifyPassword } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { UserEntity } from './user.entity.js';

export const WRONG_CREDENTIALS = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly guests: GuestsService,
  ) {}

  async login(input: LoginRequest, meta: { ip: string; userAgent: string | undefined }): Promise<LoginResponse> {
    const found: { user?: UserEntity | null } = {};
    const accepted = await this.throttle.guard(input.email, meta.ip, 'login', async () => {
      const candidate = (found.user = await this.dataSource.getRepository(UserEntity).findOne({ where: { email: input.email } }));
      if (!candidate) await burnPasswordCheck(input.password);
      const valid = candidate ? await verifyPassword(candidate.passwordHash, input.password) : false;
      return valid && candidate!.active;
    });
    const user = found.user;
    if (!accepted || !user) throw new UnauthenticatedError(WRONG_CREDENTIALS, undefined, 'wrong_credentials');
    // The password was right, so saying why is no hint to a guesser: the guest's access ended.
    if (isGuest(user) && !(await this.guests.hasLiveAccess(user.id))) {
      throw new UnauthenticatedError('Your guest access has ended (it expired or was revoked). Ask the person who invited you for a new invitation.', undefined, 'guest_access_ended');
    }
    const accessToken = await this.sessions.open(user.id, meta);
    const actor = { id: user.id, name: user.name };
    await this.dataSource.transaction((tx) => this.audit.record(tx, { actor, action: 'user.logged_in', entity: 'user', entityId: user.id, after: { ip: meta.ip } }));
    const signedIn: LoginResponse['user'] = { id: user.id, email: user.email, name: user.name, roles: user.roles };
    // A guest's items, read the way every request of the session will read them.
    if (isGuest(user)) signedIn.guestItemIds = (await this.sessions.resolve(accessToken))?.user.guestItemIds ?? [];
    return { accessToken, user: signedIn };
  }
}
