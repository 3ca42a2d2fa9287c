import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A patient's consent to the care team reading one entry, or every entry from `grantedAt` on. */
@Entity({ name: 'journal_shares' })
export class JournalShare {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  /** Null for a share of every entry made from `grantedAt` on. */
  @Column('uuid', { name: 'entry_id', nullable: true })
  entryId!: string | null;

  @Column('text', { name: 'consent_version' })
  consentVersion!: string;

  @Column('timestamptz', { name: 'granted_at' })
  grantedAt!: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
