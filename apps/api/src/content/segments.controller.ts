import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  segmentListSchema,
  segmentSchema,
  listEntryRemovalSchema,
  createSegmentRequestSchema,
  updateSegmentRequestSchema,
  type Segment,
  type CreateSegmentRequest,
  type ListEntryRemoval,
  type SessionUser,
  type UpdateSegmentRequest,
} from '@vetted/contracts';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { AudienceListsService } from './audience-lists.service.js';

/** The list of segments content is planned with: staff read it (the pickers), admins keep it. */
@ApiTags('content')
@Controller('segments')
export class SegmentsController {
  constructor(private readonly lists: AudienceListsService) {}

  @Allow('content.read')
  @Get()
  @ApiOperation({ summary: 'List segments, archived ones included' })
  @ApiZodResponse(segmentListSchema)
  list(): Promise<Segment[]> {
    return this.lists.listSegments();
  }

  @Allow('lists.manage')
  @Post()
  @ApiOperation({ summary: 'Add a segment', description: '409 `name_taken` when the name exists in any case.' })
  @ApiZodResponse(segmentSchema, 201)
  @ApiErrors(409)
  @ApiZodBody(createSegmentRequestSchema)
  create(@Body(new ZodValidationPipe(createSegmentRequestSchema)) body: CreateSegmentRequest, @CurrentUser() user: SessionUser): Promise<Segment> {
    return this.lists.createSegment(body, user);
  }

  @Allow('lists.manage')
  @Patch(':id')
  @ApiOperation({ summary: 'Change a segment', description: '409 `list_entry_in_use` for a rename while items use the name; 409 `name_taken`.' })
  @ApiZodResponse(segmentSchema)
  @ApiErrors(409)
  @ApiZodBody(updateSegmentRequestSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(updateSegmentRequestSchema)) body: UpdateSegmentRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<Segment> {
    return this.lists.updateSegment(id, body, user);
  }

  /** Deletes an unused entry; one that items name is archived instead (they keep their value). */
  @Allow('lists.manage')
  @Delete(':id')
  @ApiOperation({ summary: 'Delete an unused segment, or archive one that items use' })
  @ApiZodResponse(listEntryRemovalSchema)
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<ListEntryRemoval> {
    return this.lists.removeSegment(id, user);
  }
}
