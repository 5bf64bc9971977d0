// Calendar owns the HCP agenda (congresses, awareness days) the editorial committee plans content
// around, the weekly saturation of each audience segment (overall and per channel, against the caps
// content keeps with its lists), and the users' secret ICS feeds
// (calendar_feed); content items belong to the content module.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '../content/content.module.js';
import { AgendaEventEntity } from './agenda-event.entity.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { SaturationController } from './saturation.controller.js';
import { SaturationService } from './saturation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgendaEventEntity]), ContentModule],
  controllers: [AgendaController, SaturationController, CalendarFeedController],
  providers: [AgendaService, SaturationService, CalendarFeedService],
  exports: [AgendaService],
})
export class CalendarModule {}
