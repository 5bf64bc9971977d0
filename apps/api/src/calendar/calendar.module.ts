// Calendar owns the HCP agenda (congresses, awareness days) the editorial committee plans content
// around; content items themselves belong to the content module.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaEventEntity } from './agenda-event.entity.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgendaEventEntity])],
  controllers: [AgendaController],
  providers: [AgendaService],
  exports: [AgendaService],
})
export class CalendarModule {}
