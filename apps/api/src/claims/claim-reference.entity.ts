import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What substantiates a claim: a citation, its DOI or PMID, where in it, and optionally the document itself. */
@Entity('claim_reference')
export class ClaimReferenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') claimId!: string;
  @Column('text') citation!: string;
  @Column('text', { nullable: true }) doi!: string | null;
  @Column('text', { nullable: true }) pmid!: string | null;
  @Column('text', { nullable: true }) locator!: string | null;
  @Column('text', { nullable: true }) storageKey!: string | null;
  @Column('text', { nullable: true }) filename!: string | null;
  @Column('text', { nullable: true }) mimeType!: string | null;
  @Column('bigint', { nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } }) size!: number | null;
  @Column('text', { nullable: true }) sha256!: string | null;
  @Column('uuid') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
