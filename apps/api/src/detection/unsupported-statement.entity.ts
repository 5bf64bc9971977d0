import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TextAnchor } from './text-matching.js';

/** A sentence of a version's text that reads like a claim and that no approved claim supports. */
@Entity('unsupported_statement')
export class UnsupportedStatementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') versionId!: string;
  @Column('text') text!: string;
  @Column('jsonb') anchor!: TextAnchor;
}
