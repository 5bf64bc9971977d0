// The library owns what reps see and report: approved, unexpired material (read by its own queries),
// hash-checked downloads, and the library_share table that feeds the editorial committee.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '../content/content.module.js';
import { ApprovedContentReader } from './approved-content.reader.js';
import { LibraryShareEntity } from './library-share.entity.js';
import { LibraryController } from './library.controller.js';
import { LibraryService } from './library.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([LibraryShareEntity]), ContentModule],
  controllers: [LibraryController],
  providers: [LibraryService, ApprovedContentReader],
})
export class LibraryModule {}
