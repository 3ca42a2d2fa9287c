import type { AssignmentStatus, DueOffset } from '@ivks/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DueOffsetColumns } from '../pathways/due-offset-columns';

/**
 * One task given to one patient. An assignment that belongs to an infusion keeps the offset it
 * was timed with, so that its due time can follow the infusion when it moves.
 */
@Entity({ name: 'assignments' })
export class Assignment implements DueOffsetColumns {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'patient_id' })
  patientId!: string;

  @Column('text', { name: 'content_slug' })
  contentSlug!: string;

  @Column('uuid', { name: 'infusion_id', nullable: true })
  infusionId!: string | null;

  @Column('uuid', { name: 'pathway_id', nullable: true })
  pathwayId!: string | null;

  @Column('uuid', { name: 'pathway_task_id', nullable: true })
  pathwayTaskId!: string | null;

  @Column('text', { name: 'offset_kind', nullable: true })
  offsetKind!: DueOffset['kind'] | null;

  @Column('integer', { name: 'offset_minutes', nullable: true })
  offsetMinutes!: number | null;

  @Column('integer', { name: 'offset_days', nullable: true })
  offsetDays!: number | null;

  @Column('text', { name: 'offset_time', nullable: true })
  offsetTime!: string | null;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text', { default: 'open' })
  status!: AssignmentStatus;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
