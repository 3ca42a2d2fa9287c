import type { JournalEntryStatus } from '@ivks/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A patient's journal entry; its text is encrypted with the clinic's data key. */
@Entity({ name: 'journal_entries' })
export class JournalEntry {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('bytea', { name: 'body_ciphertext' })
  bodyCiphertext!: Buffer;

  @Column('integer', { name: 'key_version' })
  keyVersion!: number;

  @Column('smallint', { nullable: true })
  mood!: number | null;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text', { name: 'prompt_slug', nullable: true })
  promptSlug!: string | null;

  @Column('uuid', { name: 'infusion_id', nullable: true })
  infusionId!: string | null;

  @Column('text')
  status!: JournalEntryStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
