import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  libraryQuerySchema,
  listSharesQuerySchema,
  recordShareRequestSchema,
  shareFeedbackSchema,
  shareSummaryQuerySchema,
  type LibraryItem,
  type LibraryItemList,
  type LibraryQuery,
  type LibraryShare,
  type LibraryShareList,
  type ListSharesQuery,
  type RecordShareRequest,
  type ShareFeedbackRequest,
  type SessionUser,
  type ShareSummary,
  type ShareSummaryQuery,
  libraryItemListSchema,
  libraryItemSchema,
  libraryShareListSchema,
  libraryShareSchema,
  shareSummarySchema,
} from '@vetted/contracts';
import { ApiErrors, ApiFileResponse, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { LibraryService } from './library.service.js';
import { attachmentDisposition } from './verified-file.js';

@ApiTags('library')
@Controller('library')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Allow('library.read')
  @Get()
  @ApiZodQuery(libraryQuerySchema)
  @ApiOperation({ summary: 'Browse the approved library' })
  @ApiZodResponse(libraryItemListSchema)
  list(@Query(new ZodValidationPipe(libraryQuerySchema)) query: LibraryQuery, @CurrentUser() user: SessionUser): Promise<LibraryItemList> {
    return this.library.list(query, user);
  }

  @Allow('library.feedback')
  @Get('shares')
  @ApiZodQuery(listSharesQuerySchema)
  @ApiOperation({ summary: 'List shares with doctors' })
  @ApiZodResponse(libraryShareListSchema)
  shares(@Query(new ZodValidationPipe(listSharesQuerySchema)) query: ListSharesQuery): Promise<LibraryShareList> {
    return this.library.shares(query);
  }

  @Allow('library.share')
  @Get('shares/mine')
  @ApiZodQuery(listSharesQuerySchema)
  @ApiOperation({ summary: 'List my shares with doctors' })
  @ApiZodResponse(libraryShareListSchema)
  myShares(@Query(new ZodValidationPipe(listSharesQuerySchema)) query: ListSharesQuery, @CurrentUser() user: SessionUser): Promise<LibraryShareList> {
    return this.library.sharesOf(user, query);
  }

  /** The doctor's reaction, added later by the rep who recorded the share (404 for anyone else's). */
  @Allow('library.share')
  @Patch('shares/:shareId/feedback')
  @ApiZodBody(shareFeedbackSchema)
  @ApiOperation({ summary: 'Record a doctor’s feedback on my share', description: 'By the rep who recorded the share (404 for anyone else’s).' })
  @ApiZodResponse(libraryShareSchema)
  feedback(
    @Param('shareId', new ParseUUIDPipe()) shareId: string,
    @Body(new ZodValidationPipe(shareFeedbackSchema)) body: ShareFeedbackRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<LibraryShare> {
    return this.library.recordFeedback(shareId, body, user);
  }

  @Allow('library.feedback')
  @Get('shares/summary')
  @ApiZodQuery(shareSummaryQuerySchema)
  @ApiOperation({ summary: 'Summarise shares and feedback by item' })
  @ApiZodResponse(shareSummarySchema)
  summary(@Query(new ZodValidationPipe(shareSummaryQuerySchema)) query: ShareSummaryQuery): Promise<ShareSummary> {
    return this.library.summary(query);
  }

  @Allow('library.read')
  @Get(':itemId')
  @ApiOperation({ summary: 'Read an approved library item' })
  @ApiZodResponse(libraryItemSchema)
  get(@Param('itemId', new ParseUUIDPipe()) itemId: string, @CurrentUser() user: SessionUser): Promise<LibraryItem> {
    return this.library.get(itemId, user);
  }

  /** 409 when the stored bytes no longer hash to the approved SHA-256 (recorded as library.integrity_failure). */
  @Allow('library.read')
  @Get(':itemId/download')
  // Approved material expires: a browser or proxy must not keep a copy past the check made here.
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'Download an approved file', description: '409 when the stored bytes no longer hash to the approved SHA-256 (recorded as library.integrity_failure).' })
  @ApiFileResponse('The approved file (attachment)', 'video/*', 'audio/*', 'image/*', 'application/pdf')
  @ApiErrors(409, 503)
  async download(@Param('itemId', new ParseUUIDPipe()) itemId: string, @CurrentUser() user: SessionUser): Promise<StreamableFile> {
    const file = await this.library.download(itemId, user);
    return new StreamableFile(file.stream, { type: file.mimeType, length: file.size, disposition: attachmentDisposition(file.filename) });
  }

  @Allow('library.read')
  @Get(':itemId/thumbnail')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'Read an approved item’s thumbnail' })
  @ApiFileResponse('The thumbnail', 'image/*')
  @ApiErrors(409, 503)
  async thumbnail(@Param('itemId', new ParseUUIDPipe()) itemId: string, @CurrentUser() user: SessionUser): Promise<StreamableFile> {
    const file = await this.library.thumbnail(itemId, user);
    return new StreamableFile(file.stream, { type: file.mimeType });
  }

  @Allow('library.share')
  @Post(':itemId/shares')
  @ApiZodBody(recordShareRequestSchema)
  @ApiOperation({ summary: 'Record a share with a doctor' })
  @ApiZodResponse(libraryShareSchema, 201)
  share(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body(new ZodValidationPipe(recordShareRequestSchema)) body: RecordShareRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<LibraryShare> {
    return this.library.share(itemId, body, user);
  }
}
