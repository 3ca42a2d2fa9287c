import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One member of staff on one patient's care team. */
@Entity({ name: 'care_team_members' })
export class CareTeamMember {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('uuid', { name: 'membership_id' })
  membershipId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
