import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, StreamableFile, Header } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
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
} from '@vetted/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiZodBody, ApiZodQuery } from '../common/api-zod.decorators.js';
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
  create(@Body(new ZodValidationPipe(createClaimRequestSchema)) body: CreateClaimRequest, @CurrentUser() user: SessionUser): Promise<Claim> {
    return this.claims.create(body, user);
  }

  @Allow('claims.read')
  @Get()
  @ApiZodQuery(listClaimsQuerySchema)
  list(@Query(new ZodValidationPipe(listClaimsQuerySchema)) query: ListClaimsQuery): Promise<ClaimList> {
    return this.claims.list(query);
  }

  @Allow('claims.read')
  @Get(':id')
  detail(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClaimDetail> {
    return this.claims.detail(id);
  }

  @Allow('claims.write')
  @Patch(':id')
  @ApiZodBody(updateClaimRequestSchema)
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodValidationPipe(updateClaimRequestSchema)) body: UpdateClaimRequest, @CurrentUser() user: SessionUser): Promise<Claim> {
    return this.claims.update(id, body, user);
  }

  /** JSON `{citation, doi?, pmid?, locator?}`, or multipart with those fields and an optional `file` (the reference document). */
  @Allow('claims.write')
  @Post(':id/references')
  @ApiConsumes('multipart/form-data', 'application/json')
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
  async referenceFile(@Param('id', new ParseUUIDPipe()) id: string, @Param('referenceId', new ParseUUIDPipe()) referenceId: string): Promise<StreamableFile> {
    const file = await this.claims.referenceDocument(id, referenceId);
    return new StreamableFile(file.stream, { type: file.mimeType, length: file.size, disposition: `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}` });
  }

  @Allow('claims.write')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<Claim> {
    return this.claims.submit(id, user);
  }

  @Allow('claims.review')
  @Post(':id/reviews')
  @HttpCode(200)
  @ApiZodBody(claimReviewRequestSchema)
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
  withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(withdrawClaimRequestSchema)) body: WithdrawClaimRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ClaimDetail> {
    return this.claims.withdraw(id, body, user, request.ip);
  }
}
