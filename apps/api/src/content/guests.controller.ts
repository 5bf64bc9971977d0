import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  inviteGuestRequestSchema,
  type GuestInvitationCreated,
  type InviteGuestRequest,
  type ItemGuestList,
  type SessionUser,
  guestInvitationCreatedSchema,
  itemGuestListSchema,
} from '@vetted/contracts';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { APP_CONFIG } from '../config/config.js';
import { Allow, ItemScoped } from '../identity/access.decorators.js';
import { allowedBrowserOrigins } from '../identity/cross-origin-protection.js';
import { CurrentUser } from '../identity/current-user.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { ContentService } from './content.service.js';

/** Agency guests of one item: its owners invite them, list them and revoke them. */
@ApiTags('content')
@ItemScoped('id')
@Controller('content-items/:id/guests')
export class GuestsController {
  /** Where invitation links point: the first address people open Vetted at (PUBLIC_URL, else the listen address). */
  private readonly linkBase: string;

  constructor(
    private readonly content: ContentService,
    @Inject(APP_CONFIG) config: ResolvedConfig,
  ) {
    this.linkBase = [...allowedBrowserOrigins(config.publicOrigins, config.host, config.port)][0];
  }

  @Allow('content.write')
  @Post()
  @ApiZodBody(inviteGuestRequestSchema)
  @ApiOperation({ summary: 'Invite an agency guest to an item' })
  @ApiZodResponse(guestInvitationCreatedSchema, 201)
  @ApiErrors(409)
  invite(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(inviteGuestRequestSchema)) body: InviteGuestRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<GuestInvitationCreated> {
    return this.content.inviteGuest(id, body, user, this.linkBase);
  }

  @Allow('content.write')
  @Get()
  @ApiOperation({ summary: 'List an item’s agency guests' })
  @ApiZodResponse(itemGuestListSchema)
  list(@Param('id', new ParseUUIDPipe()) id: string): Promise<ItemGuestList> {
    return this.content.listGuests(id);
  }

  @Allow('content.write')
  @Delete(':guestId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an agency guest’s access' })
  @ApiNoContent()
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @Param('guestId', new ParseUUIDPipe()) guestId: string, @CurrentUser() user: SessionUser): Promise<void> {
    return this.content.revokeGuest(id, guestId, user);
  }
}
