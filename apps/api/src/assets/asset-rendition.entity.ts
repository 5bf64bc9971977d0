import type { RenditionStatus } from '@vetted/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The background renditions of one version's file; failures stay visible here (status, error, attempts). */
@Entity('asset_rendition')
export class AssetRenditionEntity {
  @PrimaryColumn('uuid') versionId!: string;
  @Column('text') originalKey!: string;
  @Column('text') mimeType!: string;
  @Column('text') status!: RenditionStatus;
  @Column('int') attempts!: number;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('timestamptz', { nullable: true }) claimedAt!: Date | null;
  @Column('boolean') cleanPreviewWanted!: boolean;
  /** The band's words when the preview is watermarked; null means the draft's. */
  @Column('text', { nullable: true }) watermarkLabel!: string | null;
  @Column('text', { nullable: true }) thumbnailKey!: string | null;
  @Column('text', { nullable: true }) previewKey!: string | null;
  @Column('boolean') previewWatermarked!: boolean;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
