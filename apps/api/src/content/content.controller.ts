import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Patch, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  completeDirectUploadRequestSchema,
  createContentItemRequestSchema,
  createDirectUploadRequestSchema,
  listContentItemsQuerySchema,
  updateContentItemRequestSchema,
  previewQuerySchema,
  versionNumberParamSchema,
  versionUploadFieldsSchema,
  type AuditTrail,
  type ContentItem,
  type ContentItemList,
  type CompleteDirectUploadRequest,
  type ContentVersion,
  type CreateContentItemRequest,
  type CreateDirectUploadRequest,
  type DirectUpload,
  type PreviewQuery,
  type RenditionKind,
  type ListContentItemsQuery,
  type SessionUser,
  type UpdateContentItemRequest,
  auditTrailSchema,
  contentItemListSchema,
  contentItemSchema,
  contentVersionSchema,
  directUploadSchema,
} from '@vetted/contracts';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service.js';
import { ApiErrors, ApiFileResponse, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow, OpenToGuests, ItemScoped } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { ContentService } from './content.service.js';
import { receiveUpload } from './receive-upload.js';

/** Version numbers in paths: digits only and within int4, so `/versions/99999999999` is a 400, not a database error. */
const versionNumber = new ZodValidationPipe(versionNumberParamSchema);

@ApiTags('content')
@ItemScoped('id')
@Controller('content-items')
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly audit: AuditService,
  ) {}

  @Allow('content.write')
  @Post()
  @ApiZodBody(createContentItemRequestSchema)
  @ApiOperation({ summary: 'Create a content item' })
  @ApiZodResponse(contentItemSchema, 201)
  create(
    @Body(new ZodValidationPipe(createContentItemRequestSchema)) body: CreateContentItemRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<ContentItem> {
    return this.content.create(body, user);
  }

  // A guest's list holds the items they are invited to, nothing else.
  @Allow('item.read')
  @OpenToGuests()
  @Get()
  @ApiZodQuery(listContentItemsQuerySchema)
  @ApiOperation({ summary: 'List content items', description: 'A guest’s list holds the items they are invited to, nothing else.' })
  @ApiZodResponse(contentItemListSchema)
  list(@Query(new ZodValidationPipe(listContentItemsQuerySchema)) query: ListContentItemsQuery, @CurrentUser() user: SessionUser): Promise<ContentItemList> {
    return this.content.list(query, user);
  }

  @Allow('item.read')
  @Get(':id')
  @ApiOperation({ summary: 'Read a content item' })
  @ApiZodResponse(contentItemSchema)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ContentItem> {
    return this.content.get(id);
  }

  @Allow('content.write')
  @Patch(':id')
  @ApiZodBody(updateContentItemRequestSchema)
  @ApiOperation({ summary: 'Change a content item' })
  @ApiZodResponse(contentItemSchema)
  @ApiErrors(409)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(updateContentItemRequestSchema)) body: UpdateContentItemRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<ContentItem> {
    return this.content.update(id, body, user);
  }

  @Allow('content.upload')
  @Post(':id/versions')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload a new version (multipart)', description: 'Multipart with one `file` and an optional `note`; the file type is read from its bytes.' })
  @ApiZodResponse(contentVersionSchema, 201)
  @ApiErrors(400, 409, 413, 415, 422, 503)
  async addVersion(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest, @CurrentUser() user: SessionUser): Promise<ContentVersion> {
    const { maxBytes, tempDir } = await this.content.assertAcceptsNewVersion(id, user);
    const upload = await receiveUpload(request, maxBytes, tempDir);
    try {
      const { note } = new ZodValidationPipe(versionUploadFieldsSchema).transform(upload.fields);
      return await this.content.addVersion(id, upload, note, user);
    } finally {
      await upload.discard();
    }
  }

  @Allow('content.upload')
  @Post(':id/uploads')
  @ApiZodBody(createDirectUploadRequestSchema)
  @ApiOperation({ summary: 'Start a direct upload to storage', description: 'For large files: a presigned URL to PUT the file to, then complete the upload.' })
  @ApiZodResponse(directUploadSchema, 201)
  @ApiErrors(409, 413, 415, 503)
  createDirectUpload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(createDirectUploadRequestSchema)) body: CreateDirectUploadRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<DirectUpload> {
    return this.content.createDirectUpload(id, body, user);
  }

  @Allow('content.upload')
  @Post(':id/uploads/:uploadId/complete')
  @ApiZodBody(completeDirectUploadRequestSchema)
  @ApiOperation({ summary: 'Complete a direct upload into a new version' })
  @ApiZodResponse(contentVersionSchema, 201)
  @ApiErrors(409, 413, 415, 422, 503)
  completeDirectUpload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('uploadId', new ParseUUIDPipe()) uploadId: string,
    @Body(new ZodValidationPipe(completeDirectUploadRequestSchema)) body: CompleteDirectUploadRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<ContentVersion> {
    return this.content.completeDirectUpload(id, uploadId, body.note, user);
  }

  @Allow('item.read')
  @Get(':id/versions/:number/original')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download a version’s original file' })
  @ApiFileResponse('The file as uploaded (attachment)', 'video/*', 'audio/*', 'image/*', 'application/pdf')
  @ApiErrors(503)
  original(@Param('id', new ParseUUIDPipe()) id: string, @Param('number', versionNumber) number: number): Promise<StreamableFile> {
    return this.versionFile(id, number, 'original');
  }

  @Allow('item.read')
  @Get(':id/versions/:number/preview')
  @Header('Cache-Control', 'private, no-store')
  @ApiZodQuery(previewQuerySchema)
  @ApiOperation({ summary: 'Read a version’s preview, poster or page image', description: '409 `rendition_not_ready` until it is made; 404 `page_out_of_range` for a page the document does not have.' })
  @ApiFileResponse('The rendition (inline)', 'video/*', 'audio/*', 'image/*', 'application/pdf')
  @ApiErrors(409, 503)
  async preview(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('number', versionNumber) number: number,
    @Query(new ZodValidationPipe(previewQuerySchema)) query: PreviewQuery,
  ): Promise<StreamableFile> {
    if (query.page === undefined) return this.versionFile(id, number, query.as === 'image' ? 'poster' : 'preview');
    const file = await this.content.openVersionPage(id, number, query.page);
    return new StreamableFile(file.stream, { type: file.mimeType, disposition: `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}` });
  }

  @Allow('item.read')
  @Get(':id/versions/:number/thumbnail')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Read a version’s thumbnail' })
  @ApiFileResponse('The thumbnail', 'image/*')
  @ApiErrors(409, 503)
  thumbnail(@Param('id', new ParseUUIDPipe()) id: string, @Param('number', versionNumber) number: number): Promise<StreamableFile> {
    return this.versionFile(id, number, 'thumbnail');
  }

  // Whoever may see the item may see its trail.
  @Allow('content.read')
  @Get(':id/audit')
  @ApiOperation({ summary: 'Read a content item’s audit trail' })
  @ApiZodResponse(auditTrailSchema)
  async trail(@Param('id', new ParseUUIDPipe()) id: string): Promise<AuditTrail> {
    await this.content.assertExists(id);
    return this.audit.trail({ entity: 'content_item', entityId: id, limit: 1000 });
  }

  private async versionFile(id: string, number: number, kind: 'original' | RenditionKind): Promise<StreamableFile> {
    const file = await this.content.openVersionFile(id, number, kind);
    const disposition = `${kind === 'original' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
    return new StreamableFile(file.stream, { type: file.mimeType, disposition });
  }
}
