import type { Role } from '@ivks/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A user's role in one clinic. */
@Entity({ name: 'memberships' })
export class Membership {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: Role;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;
}
