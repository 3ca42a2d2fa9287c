import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A patient's channels and quiet hours; a patient without a row has the defaults. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('boolean', { name: 'email_enabled' })
  emailEnabled!: boolean;

  @Column('boolean', { name: 'in_app_enabled' })
  inAppEnabled!: boolean;

  @Column('text', { name: 'quiet_hours_start' })
  quietHoursStart!: string;

  @Column('text', { name: 'quiet_hours_end' })
  quietHoursEnd!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
