import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Whether the patient has ticked one entry of a checklist assignment. */
@Entity({ name: 'assignment_checklist_ticks' })
export class AssignmentChecklistTick {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'assignment_id' })
  assignmentId!: string;

  @Column('text', { name: 'item_id' })
  itemId!: string;

  @Column('boolean')
  checked!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
