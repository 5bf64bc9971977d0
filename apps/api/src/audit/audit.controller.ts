import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditQuerySchema, type AuditQuery, type AuditTrail } from '@vetted/contracts';
import { ApiZodQuery } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Allow('audit.read')
  @Get()
  @ApiZodQuery(auditQuerySchema)
  trail(@Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQuery): Promise<AuditTrail> {
    return this.audit.trail(query);
  }
}
