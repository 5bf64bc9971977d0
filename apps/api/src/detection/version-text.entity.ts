import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ExtractedLine } from './text-matching.js';

export type VersionTextStatus = 'pending' | 'processing' | 'done' | 'failed' | 'nothing_to_read';

/** The text read from one version's file, and the state of the job reading it (failures keep their reason). */
@Entity('version_text')
export class VersionTextEntity {
  @PrimaryColumn('uuid') versionId!: string;
  @Column('uuid') itemId!: string;
  @Column('int') versionNumber!: number;
  @Column('text') storageKey!: string;
  @Column('text') mimeType!: string;
  /** The item's product and language at upload: which claims the text is matched against, in which languages. */
  @Column('text', { nullable: true }) product!: string | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('text') status!: VersionTextStatus;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('int') attempts!: number;
  @Column('timestamptz', { nullable: true }) claimedAt!: Date | null;
  @Column('jsonb', { nullable: true }) lines!: ExtractedLine[] | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
