import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  DUE_OFFSET_KINDS,
  DUE_OFFSET_LIMITS,
  type DueOffset,
  type DurationOffset,
  LOCAL_TIME_PATTERN,
  type LocalTimeOffset,
  type TaskTiming,
  TIMING_ANCHORS,
  type TimingAnchor,
} from '@ivks/contracts';
import { Type } from 'class-transformer';
import {
  Allow,
  Equals,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  Validate,
} from 'class-validator';

const { maxDays, maxMinutes } = DUE_OFFSET_LIMITS;

export class DurationOffsetDto implements DurationOffset {
  @ApiProperty({ enum: ['duration'] })
  @Equals('duration')
  kind!: 'duration';

  @ApiProperty({
    minimum: -maxMinutes,
    maximum: maxMinutes,
    example: -2880,
    description: 'Minutes from the anchor; negative is before it (-2880 is 48 hours before).',
  })
  @IsInt({ message: 'minutes must be a whole number of minutes, like -2880 for 48 hours before' })
  @Min(-maxMinutes, { message: `minutes must be no more than ${maxMinutes} (90 days) before` })
  @Max(maxMinutes, { message: `minutes must be no more than ${maxMinutes} (90 days) after` })
  minutes!: number;
}

export class LocalTimeOffsetDto implements LocalTimeOffset {
  @ApiProperty({ enum: ['local_time'] })
  @Equals('local_time')
  kind!: 'local_time';

  @ApiProperty({
    minimum: -maxDays,
    maximum: maxDays,
    example: -1,
    description:
      "Calendar days from the anchor's date in the patient's time zone; -1 is the day before.",
  })
  @IsInt({ message: 'days must be a whole number of days, like -1 for the day before' })
  @Min(-maxDays, { message: `days must be no more than ${maxDays} before` })
  @Max(maxDays, { message: `days must be no more than ${maxDays} after` })
  days!: number;

  @ApiProperty({ example: '19:00', description: "24-hour wall-clock time in the patient's zone." })
  @IsString({ message: 'time must be a time of day from 00:00 to 23:59, like 19:00' })
  @Matches(LOCAL_TIME_PATTERN, {
    message: 'time must be a time of day from 00:00 to 23:59, like 19:00',
  })
  time!: string;
}

/** What an offset with an unknown kind is read as, so that only its kind is reported. */
class UnknownOffsetDto {
  @IsIn(DUE_OFFSET_KINDS, {
    message: 'kind must be duration (a number of minutes) or local_time (days and a time of day)',
  })
  kind!: string;

  @Allow() minutes?: unknown;
  @Allow() days?: unknown;
  @Allow() time?: unknown;
}

@ValidatorConstraint({ name: 'notBeforeEnrolment' })
class NotBeforeEnrolment implements ValidatorConstraintInterface {
  validate(offset: unknown, args: ValidationArguments): boolean {
    if ((args.object as TaskTimingDto).anchor !== 'enrolment') {
      return true;
    }
    if (offset instanceof DurationOffsetDto) {
      return offset.minutes >= 0;
    }
    if (offset instanceof LocalTimeOffsetDto) {
      return offset.days >= 0;
    }

    return true;
  }

  defaultMessage(): string {
    return (
      'offset of a task timed from enrolment cannot fall before enrolment: ' +
      'use 0 or more minutes or days'
    );
  }
}

export const DUE_OFFSET_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(DurationOffsetDto) }, { $ref: getSchemaPath(LocalTimeOffsetDto) }],
  discriminator: { propertyName: 'kind' },
};

export class TaskTimingDto implements TaskTiming {
  @ApiProperty({ enum: TIMING_ANCHORS })
  @IsIn(TIMING_ANCHORS, { message: `anchor must be one of ${TIMING_ANCHORS.join(', ')}` })
  anchor!: TimingAnchor;

  @ApiProperty(DUE_OFFSET_SCHEMA)
  @IsDefined({ message: 'offset is required: a duration or a local time' })
  // A list would pass ValidateNested item by item and reach the database with no kind at all.
  @IsObject({ message: 'offset must be one offset, a duration or a local time, not a list' })
  @ValidateNested()
  @Type(() => UnknownOffsetDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'kind',
      subTypes: [
        { name: 'duration', value: DurationOffsetDto },
        { name: 'local_time', value: LocalTimeOffsetDto },
      ],
    },
  })
  @Validate(NotBeforeEnrolment)
  offset!: DueOffset;
}
