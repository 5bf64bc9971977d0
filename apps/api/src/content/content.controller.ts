import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  createContentItemRequestSchema,
  listContentItemsQuerySchema,
  updateContentItemRequestSchema,
  type AuditTrail,
  type ContentItem,
  type ContentItemList,
  type ContentVersion,
  type CreateContentItemRequest,
  type ListContentItemsQuery,
  type SessionUser,
  type UpdateContentItemRequest,
} from '@vetted/contracts';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service.js';
import { ApiZodBody, ApiZodQuery } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { ContentService } from './content.service.js';
import { receiveUpload } from './receive-upload.js';

@ApiTags('content')
@Controller('content-items')
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly audit: AuditService,
  ) {}

  @Allow('content.write')
  @Post()
  @ApiZodBody(createContentItemRequestSchema)
  create(
    @Body(new ZodValidationPipe(createContentItemRequestSchema)) body: CreateContentItemRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<ContentItem> {
    return this.content.create(body, user);
  }

  @Allow('content.read')
  @Get()
  @ApiZodQuery(listContentItemsQuerySchema)
  list(@Query(new ZodValidationPipe(listContentItemsQuerySchema)) query: ListContentItemsQuery): Promise<ContentItemList> {
    return this.content.list(query);
  }

  @Allow('content.read')
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ContentItem> {
    return this.content.get(id);
  }

  @Allow('content.write')
  @Patch(':id')
  @ApiZodBody(updateContentItemRequestSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(updateContentItemRequestSchema)) body: UpdateContentItemRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<ContentItem> {
    return this.content.update(id, body, user);
  }

  @Allow('content.write')
  @Post(':id/versions')
  @ApiConsumes('multipart/form-data')
  async addVersion(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest, @CurrentUser() user: SessionUser): Promise<ContentVersion> {
    await this.content.assertAcceptsNewVersion(id);
    const upload = await receiveUpload(request, this.content.maxUploadBytes);
    try {
      return await this.content.addVersion(id, upload, upload.fields.note, user);
    } finally {
      await upload.discard();
    }
  }

  @Allow('audit.read')
  @Get(':id/audit')
  async trail(@Param('id', new ParseUUIDPipe()) id: string): Promise<AuditTrail> {
    await this.content.assertExists(id);
    return this.audit.trail({ entity: 'content_item', entityId: id, limit: 1000 });
  }
}
