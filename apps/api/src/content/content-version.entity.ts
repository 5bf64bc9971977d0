import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One uploaded file of a content item; its SHA-256 is what reviewers sign and what reps must receive. */
@Entity('content_version')
export class ContentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('int') number!: number;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text') storageKey!: string;
  @Column('text') filename!: string;
  @Column('text') mimeType!: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size!: number;
  @Column('text') sha256!: string;
  /** Measured in the file on upload (not declared by the client); null where it does not apply. */
  @Column('numeric', { nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  durationSeconds!: number | null;
  @Column('int', { nullable: true }) width!: number | null;
  @Column('int', { nullable: true }) height!: number | null;
  @Column('uuid') createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
