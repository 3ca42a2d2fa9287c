import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A care team member has looked at a shared entry. */
@Entity({ name: 'journal_reviews' })
export class JournalReview {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid', { name: 'entry_id' })
  entryId!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('uuid', { name: 'reviewer_membership_id' })
  reviewerMembershipId!: string;

  @Column('timestamptz', { name: 'reviewed_at' })
  reviewedAt!: Date;
}
