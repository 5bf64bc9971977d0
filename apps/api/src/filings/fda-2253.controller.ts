import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiFileResponse } from '../common/api-zod.decorators.js';
import { type SessionUser } from '@vetted/contracts';
import { Allow, ItemScoped } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { attachmentDisposition } from '../library/verified-file.js';
import { Fda2253Service } from './fda-2253.service.js';

@ApiTags('filings')
@ItemScoped('id')
@Controller('content-items')
export class Fda2253Controller {
  constructor(private readonly packages: Fda2253Service) {}

  /** The Form FDA 2253 package of an approved US item: the approved file, its SHA-256, the form as JSON and PDF. */
  @Allow('filings.fda2253')
  @Get(':id/fda-2253')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download an item’s Form FDA 2253 package', description: 'Approved US material only (409 `filing_not_applicable`): the approved file, its SHA-256, the form as JSON and PDF.' })
  @ApiFileResponse('The package (attachment)', 'application/zip')
  @ApiErrors(409, 503)
  async download(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<StreamableFile> {
    const pkg = await this.packages.build(id, user);
    return new StreamableFile(pkg.stream, { type: 'application/zip', disposition: attachmentDisposition(pkg.filename) });
  }
}
