import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed periodic-review outcome on the version in use: recertified (validity runs again) or retired. */
@Entity('periodic_review_decision')
export class PeriodicReviewDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('uuid') versionId!: string;
  @Column('text') decision!: 'recertify' | 'retire';
  @Column('uuid') reviewerId!: string;
  @Column('text') reviewerName!: string;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('uuid') signatureId!: string;
  @Column('timestamptz') decidedAt!: Date;
}
