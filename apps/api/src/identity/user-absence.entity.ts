import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A reviewer's out-of-office period and the colleague who covers their review tasks meanwhile. */
@Entity('user_absence')
export class UserAbsenceEntity {
  @PrimaryColumn('uuid') userId!: string;
  @Column('timestamptz') startsAt!: Date;
  @Column('timestamptz') endsAt!: Date;
  @Column('uuid') delegateId!: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
