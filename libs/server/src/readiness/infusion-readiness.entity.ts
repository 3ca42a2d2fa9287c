import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A patient's readiness answers for one infusion; written by the patient alone. */
@Entity({ name: 'infusion_readiness' })
export class InfusionReadiness {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'infusion_id' })
  infusionId!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('boolean', { name: 'ride_arranged' })
  rideArranged!: boolean;

  @Column('boolean', { name: 'instructions_followed' })
  instructionsFollowed!: boolean;

  @Column('boolean', { name: 'chaperone_briefed' })
  chaperoneBriefed!: boolean;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
