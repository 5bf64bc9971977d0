import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditQuerySchema, type AuditQuery, type AuditTrail, type SessionUser, auditTrailSchema } from '@vetted/contracts';
import { ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { ForbiddenError } from '../common/domain-errors.js';
import { Authenticated } from '../identity/access.decorators.js';
import { mayReadTrail } from '../identity/access.policy.js';
import { CurrentUser } from '../identity/current-user.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  // Open to every signed-in user at the route, narrowed by mayReadTrail: the answer depends on the filter.
  @Authenticated()
  @Get()
  @ApiZodQuery(auditQuerySchema)
  @ApiOperation({ summary: 'Read the audit trail', description: 'Admins read all of it; others the trail of one item or agenda event they may see (`entity` and `entityId`).' })
  @ApiZodResponse(auditTrailSchema)
  trail(@Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQuery, @CurrentUser() user: SessionUser): Promise<AuditTrail> {
    if (!mayReadTrail(user.roles, query)) {
      throw new ForbiddenError('Only admins read the whole audit trail and user events; others read the trail of one item or agenda event they may see (entity and entityId)');
    }
    return this.audit.trail(query);
  }
}
