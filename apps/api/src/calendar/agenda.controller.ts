import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  agendaEventInputSchema,
  agendaQuerySchema,
  type AgendaEvent,
  type AgendaEventList,
  type AgendaQuery,
  type SessionUser,
  agendaEventListSchema,
  agendaEventSchema,
} from '@vetted/contracts';
import { ApiNoContent, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { AgendaService } from './agenda.service.js';

type AgendaInput = ReturnType<typeof agendaEventInputSchema.parse>;

@ApiTags('calendar')
@Controller('agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Allow('content.read')
  @Get()
  @ApiZodQuery(agendaQuerySchema)
  @ApiOperation({ summary: 'List HCP agenda events' })
  @ApiZodResponse(agendaEventListSchema)
  list(@Query(new ZodValidationPipe(agendaQuerySchema)) query: AgendaQuery): Promise<AgendaEventList> {
    return this.agenda.list(query);
  }

  @Allow('agenda.write')
  @Post()
  @ApiZodBody(agendaEventInputSchema)
  @ApiOperation({ summary: 'Add an HCP agenda event' })
  @ApiZodResponse(agendaEventSchema, 201)
  create(@Body(new ZodValidationPipe(agendaEventInputSchema)) body: AgendaInput, @CurrentUser() user: SessionUser): Promise<AgendaEvent> {
    return this.agenda.create(body, user);
  }

  @Allow('agenda.write')
  @Put(':id')
  @ApiZodBody(agendaEventInputSchema)
  @ApiOperation({ summary: 'Change an HCP agenda event' })
  @ApiZodResponse(agendaEventSchema)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(agendaEventInputSchema)) body: AgendaInput,
    @CurrentUser() user: SessionUser,
  ): Promise<AgendaEvent> {
    return this.agenda.update(id, body, user);
  }

  @Allow('agenda.write')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an HCP agenda event' })
  @ApiNoContent()
  remove(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<void> {
    return this.agenda.remove(id, user);
  }
}
