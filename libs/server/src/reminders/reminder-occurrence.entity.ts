import type { ReminderKind } from '@ivks/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type ReminderStatus = 'pending' | 'sent' | 'dropped' | 'failed';

/**
 * One reminder about one subject (an infusion or an assignment), identified by its kind, subject
 * and slot. The version grows whenever what the due time was computed from changes, so a queued
 * job that names an older version knows it is stale.
 */
@Entity({ name: 'reminder_occurrences' })
export class ReminderOccurrence {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: ReminderKind;

  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('text')
  slot!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('integer')
  version!: number;

  @Column('text')
  fingerprint!: string;

  @Column('text')
  status!: ReminderStatus;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('uuid', { name: 'email_delivery_id', nullable: true })
  emailDeliveryId!: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
