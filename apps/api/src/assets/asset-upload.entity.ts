import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A presigned direct-to-storage upload, waiting for the client to say it is complete. */
@Entity('asset_upload')
export class AssetUploadEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('text') storageKey!: string;
  @Column('text') filename!: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) maxBytes!: number;
  /** Declared by the client; null on uploads created before they had to be declared. */
  @Column('bigint', { nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } }) declaredSize!: number | null;
  @Column('text', { nullable: true }) declaredSha256!: string | null;
  @Column('uuid') createdBy!: string;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
