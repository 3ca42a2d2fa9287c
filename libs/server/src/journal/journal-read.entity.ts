import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One read of a shared entry by a member of the care team, for the patient to see. */
@Entity({ name: 'journal_reads' })
export class JournalRead {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('uuid', { name: 'reader_membership_id' })
  readerMembershipId!: string;

  @Column('text', { name: 'reader_name' })
  readerName!: string;

  @Column('timestamptz', { name: 'read_at' })
  readAt!: Date;
}
