import { Entity, PrimaryColumn } from 'typeorm';

/** One member of a reviewer group. */
@Entity('review_group_member')
export class ReviewGroupMemberEntity {
  @PrimaryColumn('uuid') groupId!: string;
  @PrimaryColumn('uuid') userId!: string;
}
