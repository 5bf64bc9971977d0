import type { TextCheckLinkKind } from '@vetted/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TextAnchor } from './text-matching.js';

/** A claim of the library found in a version's text: automatic (word for word) or suggested, then accepted or rejected by medical. */
@Entity('text_check_link')
export class TextCheckLinkEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') versionId!: string;
  @Column('uuid') claimId!: string;
  @Column('text') code!: string;
  @Column('text') kind!: TextCheckLinkKind;
  @Column('text') text!: string;
  @Column('jsonb') anchor!: TextAnchor;
  @Column('numeric', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) similarity!: number;
  @Column('uuid', { nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
}
