import type { InfusionStatus } from '@ivks/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'infusions' })
export class Infusion {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('integer', { name: 'duration_minutes', default: 60 })
  durationMinutes!: number;

  @Column('text', { default: 'scheduled' })
  status!: InfusionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
