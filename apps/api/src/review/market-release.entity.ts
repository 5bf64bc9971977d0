import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed final release for distribution in a market (France: by the responsible pharmacist), one per version. */
@Entity('market_release')
export class MarketReleaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('uuid') versionId!: string;
  @Column('int') versionNumber!: number;
  @Column('text') sha256!: string;
  @Column('text') market!: string;
  @Column('text', { nullable: true }) filingReference!: string | null;
  @Column('uuid') releasedBy!: string;
  @Column('text') releasedByName!: string;
  @Column('uuid') signatureId!: string;
  @Column('timestamptz') releasedAt!: Date;
}
