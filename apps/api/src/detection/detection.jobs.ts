import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobsService } from '../infra/jobs/jobs.service.js';
import { EXTRACT_TEXT_JOB } from './detection-job-names.js';
import { DetectionService } from './detection.service.js';

/** Text extraction every minute as a safety net (uploads also ask for a run at once); safe to run twice. */
@Injectable()
export class DetectionJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly detection: DetectionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(EXTRACT_TEXT_JOB, '* * * * *', () => this.detection.processPending(50));
  }
}
