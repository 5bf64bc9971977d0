import type { ClaimAnchor, ContentFormat } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A planned piece of content: what, when, for whom. Its review lives in the review module's item_review. */
@Entity('content_item')
export class ContentItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') format!: ContentFormat;
  @Column('timestamptz') plannedAt!: Date;
  @Column('text', { array: true }) channels!: string[];
  @Column('text', { array: true }) segments!: string[];
  @Column('uuid') ownerId!: string;
  /** Editors who share ownership: with the owner, the only ones who change the content, upload and submit. */
  @Column('uuid', { array: true }) coOwnerIds!: string[];
  @Column('uuid', { nullable: true }) sourceItemId!: string | null;
  @Column('uuid', { nullable: true }) seriesId!: string | null;
  @Column('int', { nullable: true }) episodeNumber!: number | null;
  /** Claim ids from the claims library. */
  @Column('text', { array: true }) claimIds!: string[];
  /** Where the asset makes each claim, keyed by claim id. */
  @Column('jsonb') claimAnchors!: Record<string, ClaimAnchor>;
  @Column('text', { nullable: true }) product!: string | null;
  /** ISO 3166 alpha-2; null: no market policy, every rep may see it once approved. */
  @Column('text', { nullable: true }) market!: string | null;
  @Column('text', { nullable: true }) language!: string | null;
  /** The latest uploaded version's number, or null before the first upload. */
  @Column('int', { nullable: true }) currentVersion!: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
