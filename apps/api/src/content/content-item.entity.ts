import type { ContentFormat, ItemStatus, ReviewLane } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('content_item')
export class ContentItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') format!: ContentFormat;
  @Column('text') status!: ItemStatus;
  @Column('timestamptz') plannedAt!: Date;
  @Column('text', { array: true }) channels!: string[];
  @Column('text', { array: true }) segments!: string[];
  @Column('uuid') ownerId!: string;
  @Column('uuid', { nullable: true }) sourceItemId!: string | null;
  @Column('uuid', { nullable: true }) seriesId!: string | null;
  @Column('int', { nullable: true }) episodeNumber!: number | null;
  @Column('text', { array: true }) claimIds!: string[];
  @Column('boolean') fastTrack!: boolean;
  @Column('text') fastTrackReason!: string;
  @Column('text', { array: true }) requiredLanes!: ReviewLane[];
  /** XState's getPersistedSnapshot(), with the machine version that wrote it. */
  @Column('jsonb') workflowSnapshot!: object;
  @Column('int') workflowVersion!: number;
  @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
  @Column('int', { nullable: true }) currentVersion!: number | null;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt!: Date | null;
  @Column('text', { nullable: true }) approvedSha256!: string | null;
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
  @Column('text', { nullable: true }) withdrawnReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
