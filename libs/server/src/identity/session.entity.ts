import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One refresh token of a signed-in user; rotation links tokens of one sign-in by family. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'membership_id' })
  membershipId!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('uuid', { name: 'family_id' })
  familyId!: string;

  @Column('bytea', { name: 'token_hash' })
  tokenHash!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'rotated_at', nullable: true })
  rotatedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
