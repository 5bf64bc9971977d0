import type { ReviewDecision, ReviewLane } from '@vetted/contracts';

/** A signed decision, or an earlier unconditional approval carried forward to a corrected version. */
export type StoredLaneDecision = ReviewDecision | 'carried_forward';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One signed lane decision by one member (or their delegate); one per reviewer and version, several per lane under a quorum. */
@Entity('review_decision')
export class ReviewDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('int') versionNumber!: number;
  @Column('text') lane!: ReviewLane;
  @Column('text') decision!: StoredLaneDecision;
  /** For carried_forward: the version whose approval (and signature) stands for this one. */
  @Column('int', { nullable: true }) carriedFromVersion!: number | null;
  /** Who signed (a delegate signs under their own name, for `onBehalfOf`). */
  @Column('uuid') reviewerId!: string;
  @Column('text') reviewerName!: string;
  /** The review task this decision closed; null for carried-forward approvals and decisions from before tasks. */
  @Column('uuid', { nullable: true }) taskId!: string | null;
  @Column('uuid', { nullable: true }) onBehalfOf!: string | null;
  @Column('text', { nullable: true }) onBehalfOfName!: string | null;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('uuid') signatureId!: string;
  @Column('timestamptz') decidedAt!: Date;
}
