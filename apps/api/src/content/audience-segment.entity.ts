import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An audience segment content is planned for ("science-driven" cardiologists), from the admins' list. Items store its name. */
@Entity('audience_segment')
export class AudienceSegmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') colour!: string;
  @Column('text', { nullable: true }) description!: string | null;
  /** Set: out of the pickers and refused on new plans; items that name it keep it. */
  @Column('timestamptz', { nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
