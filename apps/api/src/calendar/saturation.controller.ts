import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { saturationQuerySchema, type Saturation, type SaturationQuery } from '@vetted/contracts';
import { ApiZodQuery } from '../common/api-zod.decorators.js';
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
  weeks(@Query(new ZodValidationPipe(saturationQuerySchema)) query: SaturationQuery): Promise<Saturation> {
    return this.saturation.weeks(query);
  }
}
