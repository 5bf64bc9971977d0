// Regulatory filings made from approved material (today: the Form FDA 2253 package for US items),
// read through the content and review services; it owns no table.
import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module.js';
import { ReviewModule } from '../review/review.module.js';
import { Fda2253Controller } from './fda-2253.controller.js';
import { Fda2253Service } from './fda-2253.service.js';

@Module({
  imports: [ContentModule, ReviewModule],
  controllers: [Fda2253Controller],
  providers: [Fda2253Service],
})
export class FilingsModule {}
