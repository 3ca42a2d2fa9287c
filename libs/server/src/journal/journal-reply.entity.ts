import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A care team member's answer to a shared entry; encrypted like the entry. */
@Entity({ name: 'journal_replies' })
export class JournalReply {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('uuid', { name: 'author_membership_id' })
  authorMembershipId!: string;

  @Column('text', { name: 'author_name' })
  authorName!: string;

  @Column('bytea', { name: 'body_ciphertext' })
  bodyCiphertext!: Buffer;

  @Column('integer', { name: 'key_version' })
  keyVersion!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
