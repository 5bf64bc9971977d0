import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { saturationQuerySchema, type Saturation, type SaturationQuery, saturationSchema } from '@vetted/contracts';
import { ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { SaturationService } from './saturation.service.js';

@ApiTags('calendar')
@Controller('calendar/saturation')
export class SaturationController {
  constructor(private readonly saturation: SaturationService) {}

  @Allow('content.read')
  @Get()
  @ApiZodQuery(saturationQuerySchema)
  @ApiOperation({ summary: 'Read segment saturation by week' })
  @ApiZodResponse(saturationSchema)
  weeks(@Query(new ZodValidationPipe(saturationQuerySchema)) query: SaturationQuery): Promise<Saturation> {
    return this.saturation.weeks(query);
  }
}
