import type { ReminderKind } from '@ivks/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One notification in the patient app, written by the worker when a reminder is sent. */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('text')
  kind!: ReminderKind;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text')
  link!: string;

  @Column('uuid', { name: 'occurrence_id' })
  occurrenceId!: string;

  @Column('integer', { name: 'occurrence_version' })
  occurrenceVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'read_at', nullable: true })
  readAt!: Date | null;
}
