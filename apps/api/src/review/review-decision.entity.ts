import type { ReviewDecision, ReviewLane } from '@vetted/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One signed lane decision; unique per item, version and lane (and per reviewer and version). */
@Entity('review_decision')
export class ReviewDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('int') versionNumber!: number;
  @Column('text') lane!: ReviewLane;
  @Column('text') decision!: ReviewDecision;
  @Column('uuid') reviewerId!: string;
  @Column('text') reviewerName!: string;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('uuid') signatureId!: string;
  @Column('timestamptz') decidedAt!: Date;
}
