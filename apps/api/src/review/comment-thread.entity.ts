import type { CommentAnchor } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A discussion on one version of an item, optionally pinned to a region of an image or a time in a video. */
@Entity('comment_thread')
export class CommentThreadEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('int') versionNumber!: number;
  @Column('jsonb', { nullable: true }) anchor!: CommentAnchor | null;
  @Column('timestamptz', { nullable: true }) resolvedAt!: Date | null;
  @Column('text', { nullable: true }) resolvedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
