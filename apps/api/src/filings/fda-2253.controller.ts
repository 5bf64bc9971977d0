import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@vetted/contracts';
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
  @ApiProduces('application/zip')
  @Header('Cache-Control', 'private, no-store')
  async download(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<StreamableFile> {
    const pkg = await this.packages.build(id, user);
    return new StreamableFile(pkg.stream, { type: 'application/zip', disposition: attachmentDisposition(pkg.filename) });
  }
}
