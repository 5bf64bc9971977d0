import type { ReviewDecision, ReviewLane, TaskClosedReason, TaskStatus } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One member's task to decide one lane of one round: open until they (or their delegate) sign a
 * decision (`done`, naming the decision and who signed) or the lane or round ends without them (`closed`).
 */
@Entity('review_task')
export class ReviewTaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('int') round!: number;
  @Column('text') lane!: ReviewLane;
  @Column('int') versionNumber!: number;
  @Column('uuid') assigneeId!: string;
  @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
  @Column('text') status!: TaskStatus;
  @Column('text', { nullable: true }) decision!: ReviewDecision | null;
  @Column('uuid', { nullable: true }) decisionId!: string | null;
  /** Who signed: the assignee, or the colleague covering for them. */
  @Column('uuid', { nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
  @Column('text', { nullable: true }) closedReason!: TaskClosedReason | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
