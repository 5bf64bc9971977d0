import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodResponse } from '../common/api-zod.decorators.js';
import { type Health, healthSchema } from '@vetted/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../identity/access.decorators.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Check the API, its database and storage' })
  @ApiZodResponse(healthSchema)
  @ApiZodResponse(healthSchema, 503, 'Something it needs is down (the body says what)')
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    const result = await this.health.check();
    if (result.status !== 'ok') void reply.status(503);
    return result;
  }
}
