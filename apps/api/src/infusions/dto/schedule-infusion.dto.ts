import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ScheduleInfusionRequest } from '@ivks/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

export class ScheduleInfusionDto implements ScheduleInfusionRequest {
  @ApiProperty({ format: 'date-time', example: '2026-12-09T15:30:00Z' })
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'scheduledAt must be a date and time with its offset, like 2026-12-09T15:30:00Z' },
  )
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'scheduledAt must end with its offset from UTC, like Z or -05:00',
  })
  scheduledAt!: string;

  @ApiPropertyOptional({ minimum: 10, maximum: 480, default: 60 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(10)
  @Max(480)
  durationMinutes?: number;
}
