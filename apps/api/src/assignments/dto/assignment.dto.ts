import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ApplyPathwayRequest,
  type ApplyPathwayResult,
  type AssignContentRequest,
  type Assignment,
  type AssignmentContent,
  type AssignmentGroup,
  type AssignmentGroups,
  type AssignmentListQuery,
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
  type ChecklistItemState,
  type DueOffset,
} from '@ivks/contracts';
import { CONTENT_KINDS, CONTENT_PHASES } from '@ivks/content';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsContentSlug } from '../../common/is-content-slug';
import { IsInstant } from '../../common/is-instant';
import { InfusionDto } from '../../patients/dto/patient.dto';
import { DUE_OFFSET_SCHEMA } from '../../pathways/dto/timing.dto';

export class ListAssignmentsQueryDto implements AssignmentListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the assignments of this infusion.' })
  @IsOptional()
  @IsUUID('all', { message: 'infusionId must be the id of an infusion' })
  infusionId?: string;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES, {
    message: `status must be one of ${ASSIGNMENT_STATUSES.join(', ')}`,
  })
  status?: AssignmentStatus;
}

export class AssignContentDto implements AssignContentRequest {
  @ApiProperty({ example: 'box-breathing' })
  @IsContentSlug()
  contentSlug!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-08T19:00:00-05:00' })
  @IsInstant('dueAt')
  dueAt!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Makes it part of this infusion: it moves with it, and is withdrawn with it.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'infusionId must be the id of one of this patient’s infusions' })
  infusionId?: string;
}

export class ApplyPathwayDto implements ApplyPathwayRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'pathwayId must be the id of one of your clinic’s pathways' })
  pathwayId!: string;
}

export class AssignmentContentDto implements AssignmentContent {
  @ApiProperty() slug!: string;
  @ApiProperty({ enum: CONTENT_KINDS }) kind!: string;
  @ApiProperty({ enum: CONTENT_PHASES }) phase!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() estimatedMinutes!: number;
}

export class ChecklistItemStateDto implements ChecklistItemState {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, nullable: true }) clinicInstruction!: string | null;
  @ApiProperty() checked!: boolean;
}

export class AssignmentDto implements Assignment {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) infusionId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pathwayId!: string | null;
  @ApiProperty() contentSlug!: string;
  @ApiProperty({ type: AssignmentContentDto, nullable: true })
  content!: AssignmentContentDto | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ ...DUE_OFFSET_SCHEMA, nullable: true }) offset!: DueOffset | null;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: AssignmentStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: [ChecklistItemStateDto], nullable: true })
  checklist!: ChecklistItemStateDto[] | null;
}

export class AssignmentGroupDto implements AssignmentGroup {
  @ApiProperty({ type: InfusionDto, nullable: true }) infusion!: InfusionDto | null;
  @ApiProperty({ type: [AssignmentDto] }) assignments!: AssignmentDto[];
}

export class AssignmentGroupsDto implements AssignmentGroups {
  @ApiProperty({ type: [AssignmentGroupDto] }) groups!: AssignmentGroupDto[];
}

export class ApplyPathwayResultDto implements ApplyPathwayResult {
  @ApiProperty() created!: number;
  @ApiProperty({ type: [AssignmentDto], description: 'The assignments this request created.' })
  assignments!: AssignmentDto[];
}
