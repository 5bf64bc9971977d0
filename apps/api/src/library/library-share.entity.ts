import type { ShareChannel } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One use of approved material by a rep: channel and audience segment, never the doctor. */
@Entity('library_share')
export class LibraryShareEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('uuid') repId!: string;
  @Column('text') repName!: string;
  @Column('text') channel!: ShareChannel;
  @Column('text', { nullable: true }) audienceSegment!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) sharedAt!: Date;
  /** The doctor's reaction as the rep reports it; all null until some is recorded (then feedbackAt is set). */
  @Column('boolean', { nullable: true }) feedbackUseful!: boolean | null;
  @Column('smallint', { nullable: true }) feedbackRating!: number | null;
  @Column('text', { nullable: true }) feedbackComment!: string | null;
  @Column('timestamptz', { nullable: true }) feedbackAt!: Date | null;
}
