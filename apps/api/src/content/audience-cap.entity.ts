import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The most pieces one segment may receive through one channel in a week (the editorial committee's cap). */
@Entity('audience_cap')
export class AudienceCapEntity {
  @PrimaryColumn('uuid') segmentId!: string;
  @PrimaryColumn('uuid') channelId!: string;
  @Column('int') weeklyCap!: number;
}
