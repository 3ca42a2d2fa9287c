import type { DueOffset, TimingAnchor } from '@ivks/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DueOffsetColumns } from './due-offset-columns';

/** One task of a pathway: a content item, timed from an anchor of the patient's course. */
@Entity({ name: 'pathway_tasks' })
export class PathwayTask implements DueOffsetColumns {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'pathway_id' })
  pathwayId!: string;

  @Column('integer')
  position!: number;

  @Column('text', { name: 'content_slug' })
  contentSlug!: string;

  @Column('text')
  anchor!: TimingAnchor;

  @Column('text', { name: 'offset_kind' })
  offsetKind!: DueOffset['kind'];

  @Column('integer', { name: 'offset_minutes', nullable: true })
  offsetMinutes!: number | null;

  @Column('integer', { name: 'offset_days', nullable: true })
  offsetDays!: number | null;

  @Column('text', { name: 'offset_time', nullable: true })
  offsetTime!: string | null;
}
