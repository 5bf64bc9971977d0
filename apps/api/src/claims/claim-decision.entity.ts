import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One lane's signed decision on a claim in one review round, bound to the claim's content hash. */
@Entity('claim_decision')
export class ClaimDecisionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') claimId!: string;
  @Column('int') round!: number;
  @Column('text') lane!: 'medical' | 'regulatory';
  @Column('text') decision!: 'approve' | 'request_changes';
  @Column('uuid') reviewerId!: string;
  @Column('text') reviewerName!: string;
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('text') contentSha256!: string;
  @Column('uuid') signatureId!: string;
  @Column('timestamptz') decidedAt!: Date;
}
