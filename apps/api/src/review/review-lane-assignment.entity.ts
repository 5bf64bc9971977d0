import type { QuorumRule, ReviewLane } from '@vetted/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who staffs a lane in one round, fixed at submission: the group (null for the default "everyone
 * with the role, any one approves") and the approvals required. Later edits of the group apply to
 * later rounds only, so a round's quorum never moves under its reviewers.
 */
@Entity('review_lane_assignment')
export class ReviewLaneAssignmentEntity {
  @PrimaryColumn('uuid') itemId!: string;
  @PrimaryColumn('int') round!: number;
  @PrimaryColumn('text') lane!: ReviewLane;
  @Column('int') versionNumber!: number;
  @Column('uuid', { nullable: true }) groupId!: string | null;
  @Column('text', { nullable: true }) groupName!: string | null;
  @Column('text') quorumRule!: QuorumRule;
  @Column('int') required!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
