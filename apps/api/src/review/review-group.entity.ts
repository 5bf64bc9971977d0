import type { QuorumRule, ReviewLane } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A reviewer group: the people who staff one lane for some products and markets, and its quorum. */
@Entity('review_group')
export class ReviewGroupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') lane!: ReviewLane;
  @Column('text') quorumRule!: QuorumRule;
  @Column('int', { nullable: true }) quorumN!: number | null;
  /** Empty: any product. */
  @Column('text', { array: true }) products!: string[];
  /** Empty: any market. */
  @Column('text', { array: true }) markets!: string[];
  @Column('boolean') active!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
