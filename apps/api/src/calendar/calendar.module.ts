// Calendar owns the HCP agenda (congresses, awareness days) the editorial committee plans content
// around, and the weekly saturation of each audience segment; content items belong to the content module.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaEventEntity } from './agenda-event.entity.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';
import { SaturationController } from './saturation.controller.js';
import { SaturationService } from './saturation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgendaEventEntity])],
  controllers: [AgendaController, SaturationController],
  providers: [AgendaService, SaturationService],
  exports: [AgendaService],
})
export class CalendarModule {}
