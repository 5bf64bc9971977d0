import type { ReviewDecision, ReviewLane } from '@vetted/contracts';

/** A signed decision, or an earlier unconditional approval carried forward to a corrected version. */
export type StoredLaneDecision = ReviewDecision | 'carried_forward';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One signed lane decision; unique per item, version and lane (and per reviewer and version). */
@Entity('review_decision')
export class ReviewDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('int') versionNumber!: number;
  @Column('text') lane!: ReviewLane;
  @Column('text') decision!: StoredLaneDecision;
  /** For carried_forward: the version whose approval (and signature) stands for this one. */
  @Column('int', { nullable: true }) carriedFromVersion!: number | null;
  @Column('uuid') reviewerId!: string;
  @Column('text') reviewerName!: string;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('uuid') signatureId!: string;
  @Column('timestamptz') decidedAt!: Date;
}
