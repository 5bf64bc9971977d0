// Identity owns users, roles, sessions, login throttling, electronic signatures, out-of-office
// delegations, agency guests' invitations and personal access tokens; the auth guard it registers protects every route.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenService } from './access-token.service.js';
import { AccessTokensController } from './access-tokens.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { GuestInvitationEntity } from './guest-invitation.entity.js';
import { GuestsService } from './guests.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { OutOfOfficeService } from './out-of-office.service.js';
import { UserAbsenceEntity } from './user-absence.entity.js';
import { SessionService } from './session.service.js';
import { SignatureEntity } from './signature.entity.js';
import { SignatureService } from './signature.service.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SignatureEntity, UserAbsenceEntity, GuestInvitationEntity])],
  controllers: [AuthController, UsersController, AccessTokensController],
  providers: [AuthService, SessionService, AccessTokenService, LoginThrottleService, UsersService, SignatureService, OutOfOfficeService, GuestsService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, SignatureService, OutOfOfficeService, GuestsService],
})
export class IdentityModule {}
