import type { PatientStatus } from '@ivks/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'patients' })
export class Patient {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text', { name: 'given_name' })
  givenName!: string;

  @Column('text', { name: 'family_name' })
  familyName!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'time_zone' })
  timeZone!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { default: 'invited' })
  status!: PatientStatus;

  @Column('timestamptz', { name: 'enrolled_at', default: () => 'now()' })
  enrolledAt!: Date;

  @Column('timestamptz', { name: 'discharged_at', nullable: true })
  dischargedAt!: Date | null;
}
