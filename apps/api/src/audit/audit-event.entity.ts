import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of the append-only, hash-chained trail. The database refuses UPDATE, DELETE and TRUNCATE on it. */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryColumn('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) seq!: number;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text', { nullable: true }) actorName!: string | null;
  @Column('text') action!: string;
  @Column('text') entity!: string;
  @Column('text') entityId!: string;
  @Column('jsonb', { nullable: true }) before!: object | null;
  @Column('jsonb', { nullable: true }) after!: object | null;
  @Column('text') prevHash!: string;
  @Column('text') hash!: string;
}
