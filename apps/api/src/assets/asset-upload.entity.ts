import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A presigned direct-to-storage upload, waiting for the client to say it is complete. */
@Entity('asset_upload')
export class AssetUploadEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('text') storageKey!: string;
  @Column('text') filename!: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) maxBytes!: number;
  @Column('uuid') createdBy!: string;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
