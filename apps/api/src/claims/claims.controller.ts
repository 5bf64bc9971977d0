import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, StreamableFile, Header } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  claimReferenceInputSchema,
  claimReviewRequestSchema,
  createClaimRequestSchema,
  listClaimsQuerySchema,
  updateClaimRequestSchema,
  withdrawClaimRequestSchema,
  type Claim,
  type ClaimDetail,
  type ClaimList,
  type ClaimReference,
  type ClaimReviewRequest,
  type CreateClaimRequest,
  type ListClaimsQuery,
  type SessionUser,
  type UpdateClaimRequest,
  type WithdrawClaimRequest,
  claimDetailSchema,
  claimListSchema,
  claimReferenceSchema,
  claimSchema,
} from '@vetted/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, ApiFileResponse, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { ClaimsService } from './claims.service.js';
import { receiveReference } from './receive-reference.js';

@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Allow('claims.write')
  @Post()
  @ApiZodBody(createClaimRequestSchema)
  @ApiOperation({ summary: 'Create a claim' })
  @ApiZodResponse(claimSchema, 201)
  create(@Body(new ZodValidationPipe(createClaimRequestSchema)) body: CreateClaimRequest, @CurrentUser() user: SessionUser): Promise<Claim> {
    return this.claims.create(body, user);
  }

  @Allow('claims.read')
  @Get()
  @ApiZodQuery(listClaimsQuerySchema)
  @ApiOperation({ summary: 'Search the claims library' })
  @ApiZodResponse(claimListSchema)
  list(@Query(new ZodValidationPipe(listClaimsQuerySchema)) query: ListClaimsQuery): Promise<ClaimList> {
    return this.claims.list(query);
  }

  @Allow('claims.read')
  @Get(':id')
  @ApiOperation({ summary: 'Read a claim with its references, decisions and uses' })
  @ApiZodResponse(claimDetailSchema)
  detail(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClaimDetail> {
    return this.claims.detail(id);
  }

  @Allow('claims.write')
  @Patch(':id')
  @ApiZodBody(updateClaimRequestSchema)
  @ApiOperation({ summary: 'Change a draft claim' })
  @ApiZodResponse(claimSchema)
  @ApiErrors(409)
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodValidationPipe(updateClaimRequestSchema)) body: UpdateClaimRequest, @CurrentUser() user: SessionUser): Promise<Claim> {
    return this.claims.update(id, body, user);
  }

  /** JSON `{citation, doi?, pmid?, locator?}`, or multipart with those fields and an optional `file` (the reference document). */
  @Allow('claims.write')
  @Post(':id/references')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiOperation({ summary: 'Add a reference to a claim', description: 'JSON `{citation, doi?, pmid?, locator?}`, or multipart with those fields and an optional `file` (the reference document: PDF, PNG, JPEG or WebP).' })
  @ApiZodResponse(claimReferenceSchema, 201)
  @ApiErrors(400, 409, 413, 415, 503)
  async addReference(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest, @CurrentUser() user: SessionUser): Promise<ClaimReference> {
    if (!request.isMultipart()) {
      const input = new ZodValidationPipe(claimReferenceInputSchema).transform(request.body);
      return this.claims.addReference(id, input, null, user);
    }
    const received = await receiveReference(request, this.claims.uploadTempDir);
    try {
      const input = new ZodValidationPipe(claimReferenceInputSchema).transform(received.fields);
      return await this.claims.addReference(id, input, received.document, user);
    } finally {
      await received.discard();
    }
  }

  @Allow('claims.read')
  @Get(':id/references/:referenceId/file')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download a reference document' })
  @ApiFileResponse('The document (inline)', 'application/pdf', 'image/*')
  @ApiErrors(503)
  async referenceFile(@Param('id', new ParseUUIDPipe()) id: string, @Param('referenceId', new ParseUUIDPipe()) referenceId: string): Promise<StreamableFile> {
    const file = await this.claims.referenceDocument(id, referenceId);
    return new StreamableFile(file.stream, { type: file.mimeType, length: file.size, disposition: `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}` });
  }

  @Allow('claims.write')
  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a claim for review' })
  @ApiZodResponse(claimSchema)
  @ApiErrors(409)
  submit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<Claim> {
    return this.claims.submit(id, user);
  }

  @Allow('claims.review')
  @Post(':id/reviews')
  @HttpCode(200)
  @ApiZodBody(claimReviewRequestSchema)
  @ApiOperation({ summary: 'Sign a claim review decision', description: 'An electronic signature: the password is checked again (401 `signature_refused`).' })
  @ApiZodResponse(claimDetailSchema)
  @ApiErrors(409)
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(claimReviewRequestSchema)) body: ClaimReviewRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ClaimDetail> {
    return this.claims.decide(id, body, user, request.ip);
  }

  @Allow('claims.withdraw')
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiZodBody(withdrawClaimRequestSchema)
  @ApiOperation({ summary: 'Withdraw an approved claim', description: 'Suspends the material that makes it. An electronic signature (401 `signature_refused`).' })
  @ApiZodResponse(claimDetailSchema)
  @ApiErrors(409)
  withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(withdrawClaimRequestSchema)) body: WithdrawClaimRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ClaimDetail> {
    return this.claims.withdraw(id, body, user, request.ip);
  }
}
