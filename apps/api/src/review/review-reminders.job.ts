import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobsService } from '../infra/jobs/jobs.service.js';
import { ReviewRemindersService } from './review-reminders.service.js';

export const REVIEW_REMINDERS_JOB = 'review-reminders';

/** Every 15 minutes: "due tomorrow" and "overdue" reach a reviewer within a quarter of an hour of becoming true. */
@Injectable()
export class ReviewRemindersJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly reminders: ReviewRemindersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(REVIEW_REMINDERS_JOB, '*/15 * * * *', () => this.reminders.remindDue());
  }
}
