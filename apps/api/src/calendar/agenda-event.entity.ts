import type { AgendaKind } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A date on doctors' agenda (congress, awareness day…) that the editorial committee plans around. */
@Entity('agenda_event')
export class AgendaEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('text') kind!: AgendaKind;
  /** Calendar days, not instants: a congress runs on the same days in every time zone. */
  @Column('date') startsOn!: string;
  @Column('date') endsOn!: string;
  @Column('text', { array: true }) specialties!: string[];
  @Column('text', { nullable: true }) location!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
