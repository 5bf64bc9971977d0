import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiFileResponse } from '../common/api-zod.decorators.js';
import { type SessionUser } from '@vetted/contracts';
import { Allow, ItemScoped } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { attachmentDisposition } from '../library/verified-file.js';
import { AuditPackageService } from './audit-package.service.js';

@ApiTags('audit')
@ItemScoped('id')
@Controller('content-items')
export class AuditPackageController {
  constructor(private readonly packages: AuditPackageService) {}

  /** A ZIP of the item's evidence; `npm run audit:verify -- --package <file>` checks it offline. */
  @Allow('audit.package')
  @Get(':id/audit-package')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Download an item’s auditor’s package', description: 'A ZIP of the item’s evidence; `npm run audit:verify -- --package <file>` checks it offline.' })
  @ApiFileResponse('The package (attachment)', 'application/zip')
  @ApiErrors(503)
  async download(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<StreamableFile> {
    const pkg = await this.packages.build(id, user);
    return new StreamableFile(pkg.stream, { type: 'application/zip', disposition: attachmentDisposition(pkg.filename) });
  }
}
