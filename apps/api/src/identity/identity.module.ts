// Identity owns users, roles, sessions, personal access tokens, login throttling and electronic
// signatures; the auth guard it registers protects every route of the API.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenService } from './access-token.service.js';
import { AccessTokensController } from './access-tokens.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionService } from './session.service.js';
import { SignatureEntity } from './signature.entity.js';
import { SignatureService } from './signature.service.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SignatureEntity])],
  controllers: [AuthController, UsersController, AccessTokensController],
  providers: [AuthService, SessionService, AccessTokenService, LoginThrottleService, UsersService, SignatureService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, SignatureService],
})
export class IdentityModule {}
