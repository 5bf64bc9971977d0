import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An agency guest's access to one content item: the one-time link (hashed), its acceptance, expiry and revocation. */
@Entity('guest_invitation')
export class GuestInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') itemId!: string;
  @Column('uuid') guestId!: string;
  @Column('uuid') invitedBy!: string;
  /** SHA-256 of the link's token; null once the link was used. */
  @Column('text', { nullable: true }) tokenHash!: string | null;
  @Column('timestamptz') tokenExpiresAt!: Date;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) acceptedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
