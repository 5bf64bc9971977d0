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
  /** What the preview object is: image/webp, or video/mp4 for a video. */
  @Column('text', { nullable: true }) previewMimeType!: string | null;
  /** A video's still, watermarked like its preview. */
  @Column('text', { nullable: true }) posterKey!: string | null;
  /** A PDF's page images, page 1 first (at most PDF_MAX_PAGES). */
  @Column('text', { array: true, default: () => "'{}'" }) pageKeys!: string[];
  /** Pages in the PDF, also those past the cap. */
  @Column('int', { nullable: true }) pageCount!: number | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
