import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobsService } from '../infra/jobs/jobs.service.js';
import { RENDER_ASSETS_JOB, SWEEP_ORPHAN_OBJECTS_JOB } from './asset-job-names.js';
import { AssetsService } from './assets.service.js';
import { RenditionsService } from './renditions.service.js';

export { RENDER_ASSETS_JOB, SWEEP_ORPHAN_OBJECTS_JOB };

/** Renditions every minute as a safety net (uploads also ask for a run at once); the orphan sweep hourly. Both are safe to run twice. */
@Injectable()
export class AssetJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly assets: AssetsService,
    private readonly renditions: RenditionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(RENDER_ASSETS_JOB, '* * * * *', () => this.renditions.processPending(100));
    await this.jobs.every(SWEEP_ORPHAN_OBJECTS_JOB, '17 * * * *', () => this.assets.sweepOrphans());
  }
}
