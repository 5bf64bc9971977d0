import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ClaimsService } from '../claims/claims.service.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import { ReviewService } from './review.service.js';

export const EXPIRE_APPROVALS_JOB = 'expire-approvals';

/** Every 5 minutes, approved material past its validity date becomes expired and leaves the reps' library, material nearing it gets its periodic review, and expired claims suspend their items. */
@Injectable()
export class ReviewExpiryJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly review: ReviewService,
    private readonly claims: ClaimsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(EXPIRE_APPROVALS_JOB, '*/5 * * * *', async () => {
      await this.review.openDuePeriodicReviews();
      await this.review.expireDue();
      // Expired claims suspend the items that make them, in the claim's transaction.
      await this.claims.expireDue();
    });
  }
}
