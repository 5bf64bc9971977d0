import type { Role } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text') passwordHash!: string;
  @Column('text', { array: true }) roles!: Role[];
  /** For reps: the markets whose material they may see. */
  @Column('text', { array: true }) markets!: string[];
  @Column('boolean') active!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
