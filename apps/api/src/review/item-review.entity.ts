import type { ItemStatus, ReviewLane } from '@vetted/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The review of one content item: written only by the review module (ReviewStateStore). */
@Entity('item_review')
export class ItemReviewEntity {
  @PrimaryColumn('uuid') itemId!: string;
  /** A copy of the snapshot's state, for queries (lists, library, calendar). */
  @Column('text') status!: ItemStatus;
  @Column('text', { array: true }) requiredLanes!: ReviewLane[];
  @Column('boolean') fastTrack!: boolean;
  @Column('text') fastTrackReason!: string;
  /** XState's getPersistedSnapshot(), with the machine version that wrote it. */
  @Column('jsonb') workflowSnapshot!: object;
  @Column('int') workflowVersion!: number;
  @Column('int') round!: number;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
  @Column('uuid', { nullable: true }) approvedVersionId!: string | null;
  @Column('text', { nullable: true }) approvedSha256!: string | null;
  @Column('timestamptz', { nullable: true }) approvedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
  @Column('text', { nullable: true }) withdrawnReason!: string | null;
  @Column('uuid', { array: true }) supersededVersionIds!: string[];
  /** Set when a periodic review of the approved item opens (before expiry); cleared by recertification. */
  @Column('timestamptz', { nullable: true }) periodicReviewOpenedAt!: Date | null;
  /** A regulatory reviewer sent the fast-tracked item to full review: it stays there in later rounds. */
  @Column('jsonb', { nullable: true }) escalation!: { byId: string; byName: string; reason: string; at: string } | null;
  /** The market whose policy requires a final release in the latest round (France), or null. */
  @Column('text', { nullable: true }) releaseMarket!: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
