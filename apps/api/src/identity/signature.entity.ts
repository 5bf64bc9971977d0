import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An electronic signature (21 CFR 11.50): who, printed name, when (database clock), meaning, and what was signed. */
@Entity('signature')
export class SignatureEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') signerId!: string;
  @Column('text') signerName!: string;
  @Column('timestamptz') signedAt!: Date;
  @Column('text') meaning!: string;
  @Column('text') entity!: string;
  @Column('text') entityId!: string;
  @Column('text') contentSha256!: string;
  /** A delegate's signature for an absent colleague: whose decision it stands for (the signer is still who signed). */
  @Column('uuid', { nullable: true }) onBehalfOf!: string | null;
}
