import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  decideTextCheckLinkSchema,
  versionNumberParamSchema,
  type DecideTextCheckLinkRequest,
  type SessionUser,
  type TextCheck,
  textCheckSchema,
} from '@vetted/contracts';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow, ItemScoped } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { DetectionService } from './detection.service.js';

const versionNumber = new ZodValidationPipe(versionNumberParamSchema);

@ApiTags('content')
@ItemScoped('id')
@Controller('content-items/:id/versions/:number/text-check')
export class DetectionController {
  constructor(private readonly detection: DetectionService) {}

  @Allow('content.read')
  @Get()
  @ApiOperation({ summary: 'Read a version’s text check (claims found in its text)' })
  @ApiZodResponse(textCheckSchema)
  textCheck(@Param('id', new ParseUUIDPipe()) id: string, @Param('number', versionNumber) number: number): Promise<TextCheck> {
    return this.detection.textCheck(id, number);
  }

  @Allow('review.decide')
  @Post('links/:linkId')
  @HttpCode(200)
  @ApiZodBody(decideTextCheckLinkSchema)
  @ApiOperation({ summary: 'Accept or reject a suggested claim link' })
  @ApiZodResponse(textCheckSchema)
  @ApiErrors(409)
  decideLink(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('number', versionNumber) number: number,
    @Param('linkId', new ParseUUIDPipe()) linkId: string,
    @Body(new ZodValidationPipe(decideTextCheckLinkSchema)) body: DecideTextCheckLinkRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<TextCheck> {
    return this.detection.decideLink(id, number, linkId, body, user);
  }
}
