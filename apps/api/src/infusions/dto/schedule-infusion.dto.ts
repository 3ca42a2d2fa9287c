import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INFUSION_MINUTES,
  MAX_COURSE_INFUSIONS,
  type RescheduleInfusionRequest,
  type ScheduleCourseRequest,
  type ScheduledCourse,
  type ScheduleInfusionRequest,
} from '@ivks/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../common/is-instant';
import { InfusionDto } from '../../patients/dto/patient.dto';

export class ScheduleInfusionDto implements ScheduleInfusionRequest {
  @ApiProperty({ format: 'date-time', example: '2026-12-09T15:30:00Z' })
  @IsInstant('scheduledAt')
  scheduledAt!: string;

  @ApiPropertyOptional({
    minimum: INFUSION_MINUTES.min,
    maximum: INFUSION_MINUTES.max,
    default: 60,
  })
  @IsOptional()
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(INFUSION_MINUTES.min)
  @Max(INFUSION_MINUTES.max)
  durationMinutes?: number;
}

/** The instant an entry names, so that two spellings of one time count as the same. */
function instantOf(infusion: { scheduledAt?: unknown } | null): number | symbol {
  const time =
    typeof infusion?.scheduledAt === 'string' ? Date.parse(infusion.scheduledAt) : Number.NaN;

  return Number.isNaN(time) ? Symbol('not an instant') : time;
}

export class ScheduleCourseDto implements ScheduleCourseRequest {
  @ApiProperty({ type: [ScheduleInfusionDto], minItems: 1, maxItems: MAX_COURSE_INFUSIONS })
  @IsArray({ message: 'infusions must be a list of infusions' })
  @ArrayMinSize(1, { message: 'infusions must list at least one infusion' })
  @ArrayMaxSize(MAX_COURSE_INFUSIONS, {
    message: `infusions must list no more than ${MAX_COURSE_INFUSIONS} infusions`,
  })
  @ArrayUnique(instantOf, { message: 'infusions must not list two infusions at the same time' })
  @ValidateNested({ each: true })
  @Type(() => ScheduleInfusionDto)
  infusions!: ScheduleInfusionDto[];
}

export class ScheduledCourseDto implements ScheduledCourse {
  @ApiProperty({ type: [InfusionDto] }) infusions!: InfusionDto[];
}

/** Either field may be left out, but neither may be null: an infusion always has both. */
export class RescheduleInfusionDto implements RescheduleInfusionRequest {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-11T15:30:00Z' })
  @ValidateIf((_request, value) => value !== undefined)
  @IsInstant('scheduledAt')
  scheduledAt?: string;

  @ApiPropertyOptional({ minimum: INFUSION_MINUTES.min, maximum: INFUSION_MINUTES.max })
  @ValidateIf((_request, value) => value !== undefined)
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(INFUSION_MINUTES.min)
  @Max(INFUSION_MINUTES.max)
  durationMinutes?: number;
}
