import type { JournalCrisisTheme } from '@ivks/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A shared entry whose words suggest crisis; never made for a private entry. */
@Entity({ name: 'journal_flags' })
export class JournalFlag {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('text', { array: true })
  themes!: JournalCrisisTheme[];

  @Column('timestamptz', { name: 'flagged_at' })
  flaggedAt!: Date;
}
