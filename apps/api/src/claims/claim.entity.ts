import type { ClaimStatus } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A claim in the library: what material may say about a product, with its review state. */
@Entity('claim')
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') code!: string;
  @Column('text') product!: string;
  @Column('text') statement!: string;
  @Column('jsonb') translations!: Record<string, string>;
  @Column('text', { nullable: true }) therapeuticArea!: string | null;
  @Column('text', { array: true }) markets!: string[];
  @Column('text') status!: ClaimStatus;
  /** The claim machine's persisted snapshot; null until the first submission (a draft). */
  @Column('jsonb', { nullable: true }) workflowSnapshot!: object | null;
  @Column('int') workflowVersion!: number;
  /** Review rounds so far: each submission opens one, and each lane decides once per round. */
  @Column('int') round!: number;
  /** Code, statement, translations and references as one text: the search index is built from it. */
  @Column('text') searchDocument!: string;
  @Column('uuid') createdBy!: string;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) approvedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
  @Column('text', { nullable: true }) withdrawnReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
