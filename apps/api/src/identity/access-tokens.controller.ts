import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createAccessTokenRequestSchema,
  type AccessTokenList,
  type CreateAccessTokenRequest,
  type CreatedAccessToken,
  type SessionUser,
  accessTokenListSchema,
  createdAccessTokenSchema,
} from '@vetted/contracts';
import { ApiNoContent, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from './access.decorators.js';
import { AccessTokenService } from './access-token.service.js';
import { CurrentUser } from './current-user.js';

/** Personal access tokens for integrations: the token is shown once, in the answer to its creation. */
@ApiTags('integrations')
@Controller('tokens')
export class AccessTokensController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Allow('integrations.manage')
  @Post()
  @ApiZodBody(createAccessTokenRequestSchema)
  @ApiOperation({ summary: 'Create a personal access token', description: 'The token is shown in this answer only.' })
  @ApiZodResponse(createdAccessTokenSchema, 201)
  create(@Body(new ZodValidationPipe(createAccessTokenRequestSchema)) body: CreateAccessTokenRequest, @CurrentUser() actor: SessionUser): Promise<CreatedAccessToken> {
    return this.tokens.create(body, actor);
  }

  @Allow('integrations.manage')
  @Get()
  @ApiOperation({ summary: 'List personal access tokens' })
  @ApiZodResponse(accessTokenListSchema)
  list(): Promise<AccessTokenList> {
    return this.tokens.list();
  }

  @Allow('integrations.manage')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a personal access token' })
  @ApiNoContent()
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: SessionUser): Promise<void> {
    return this.tokens.revoke(id, actor);
  }
}
