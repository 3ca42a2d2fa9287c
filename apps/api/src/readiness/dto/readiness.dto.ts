import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INFUSION_STATUSES,
  type InfusionStatus,
  type ReadinessAnswers,
  type ReadinessBoard,
  type ReadinessBoardQuery,
  type ReadinessBoardRow,
  type ReadinessView,
} from '@ivks/contracts';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/is-calendar-date';

export class ReadinessAnswersDto implements ReadinessAnswers {
  @ApiProperty({ description: 'A ride home is arranged.' })
  @IsBoolean({ message: 'rideArranged must be true or false' })
  rideArranged!: boolean;

  @ApiProperty({ description: 'The clinic’s instructions for the day have been followed.' })
  @IsBoolean({ message: 'instructionsFollowed must be true or false' })
  instructionsFollowed!: boolean;

  @ApiProperty({ description: 'The chaperone knows the plan for the day.' })
  @IsBoolean({ message: 'chaperoneBriefed must be true or false' })
  chaperoneBriefed!: boolean;
}

export class ReadinessViewDto extends ReadinessAnswersDto implements ReadinessView {
  @ApiProperty({ format: 'uuid' }) infusionId!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When all three were last true together; null until then.',
  })
  confirmedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the answers last changed; null while nothing is saved.',
  })
  updatedAt!: string | null;
}

export class ReadinessBoardQueryDto implements ReadinessBoardQuery {
  @ApiPropertyOptional({
    example: '2026-12-09',
    description: 'A calendar day in the clinic’s time zone; today there when left out.',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class ChecklistProgressDto {
  @ApiProperty() ticked!: number;
  @ApiProperty() total!: number;
}

export class ReadinessBoardRowDto implements ReadinessBoardRow {
  @ApiProperty({ format: 'uuid' }) infusionId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty({ example: 'America/New_York' }) patientTimeZone!: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty({ enum: INFUSION_STATUSES }) status!: InfusionStatus;

  @ApiProperty({
    type: ReadinessViewDto,
    nullable: true,
    description: 'Null while the patient has saved nothing for this infusion.',
  })
  readiness!: ReadinessViewDto | null;

  @ApiProperty({
    type: ChecklistProgressDto,
    description: 'Entries ticked of all entries, over this infusion’s open or done checklists.',
  })
  checklist!: ChecklistProgressDto;
}

export class ReadinessBoardDto implements ReadinessBoard {
  @ApiProperty({ example: '2026-12-09' }) date!: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ type: [ReadinessBoardRowDto] }) rows!: ReadinessBoardRowDto[];
}
