import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  channelListSchema,
  channelSchema,
  listEntryRemovalSchema,
  createChannelRequestSchema,
  updateChannelRequestSchema,
  type Channel,
  type CreateChannelRequest,
  type ListEntryRemoval,
  type SessionUser,
  type UpdateChannelRequest,
} from '@vetted/contracts';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { AudienceListsService } from './audience-lists.service.js';

/** The list of channels content is planned with: staff read it (the pickers), admins keep it. */
@ApiTags('content')
@Controller('channels')
export class ChannelsController {
  constructor(private readonly lists: AudienceListsService) {}

  @Allow('content.read')
  @Get()
  @ApiOperation({ summary: 'List channels, archived ones included' })
  @ApiZodResponse(channelListSchema)
  list(): Promise<Channel[]> {
    return this.lists.listChannels();
  }

  @Allow('lists.manage')
  @Post()
  @ApiOperation({ summary: 'Add a channel', description: '409 `name_taken` when the name exists in any case.' })
  @ApiZodResponse(channelSchema, 201)
  @ApiErrors(409)
  @ApiZodBody(createChannelRequestSchema)
  create(@Body(new ZodValidationPipe(createChannelRequestSchema)) body: CreateChannelRequest, @CurrentUser() user: SessionUser): Promise<Channel> {
    return this.lists.createChannel(body, user);
  }

  @Allow('lists.manage')
  @Patch(':id')
  @ApiOperation({ summary: 'Change a channel', description: '409 `list_entry_in_use` for a rename while items use the name; 409 `name_taken`.' })
  @ApiZodResponse(channelSchema)
  @ApiErrors(409)
  @ApiZodBody(updateChannelRequestSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(updateChannelRequestSchema)) body: UpdateChannelRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<Channel> {
    return this.lists.updateChannel(id, body, user);
  }

  /** Deletes an unused entry; one that items name is archived instead (they keep their value). */
  @Allow('lists.manage')
  @Delete(':id')
  @ApiOperation({ summary: 'Delete an unused channel, or archive one that items use' })
  @ApiZodResponse(listEntryRemovalSchema)
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<ListEntryRemoval> {
    return this.lists.removeChannel(id, user);
  }
}
