import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ClinicianChoice,
  type EnrolPatientRequest,
  type Infusion,
  INFUSION_STATUSES,
  type InfusionStatus,
  type Page,
  PATIENT_SORT_FIELDS,
  PATIENT_STATUSES,
  type PatientDetail,
  type PatientListQuery,
  type PatientSortField,
  type PatientStatus,
  type PatientSummary,
  type SortOrder,
} from '@ivks/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CARE_TEAM_MAX_MEMBERS } from '../../care-teams/dto/care-team.dto';
import { IsPlainName } from '../../common/is-plain-name';
import { IsTimeZone } from '../../common/is-time-zone';
import { PageQueryDto } from '../../common/page-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ListPatientsQueryDto extends PageQueryDto implements PatientListQuery {
  @ApiPropertyOptional({ enum: PATIENT_SORT_FIELDS, default: 'familyName' })
  @IsOptional()
  @IsIn(PATIENT_SORT_FIELDS, { message: `sort must be one of ${PATIENT_SORT_FIELDS.join(', ')}` })
  sort?: PatientSortField;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'], default: 'ASC' })
  @IsOptional()
  @IsIn(['ASC', 'DESC'], { message: 'order must be ASC or DESC' })
  order?: SortOrder;

  @ApiPropertyOptional({ description: 'Matches names and email.', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PATIENT_STATUSES })
  @IsOptional()
  @IsIn(PATIENT_STATUSES, { message: `status must be one of ${PATIENT_STATUSES.join(', ')}` })
  status?: PatientStatus;
}

export class EnrolPatientDto implements EnrolPatientRequest {
  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'givenName must not be empty' })
  @MaxLength(100)
  @IsPlainName()
  givenName!: string;

  @ApiProperty({ maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'familyName must not be empty' })
  @MaxLength(100)
  @IsPlainName()
  familyName!: string;

  @ApiProperty({ example: 'patient@example.com' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail({}, { message: 'email must be an email address, like name@example.com' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsTimeZone()
  timeZone!: string;

  @ApiPropertyOptional({ example: '+1 617 555 0100' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, {
    message: 'phone must be a phone number, like +1 617 555 0100',
  })
  phone?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: CARE_TEAM_MAX_MEMBERS,
    description:
      'Membership ids of clinicians of the clinic; by default the enrolling clinician, who must be on it.',
  })
  @IsOptional()
  @IsArray({ message: 'careTeam must be a list of membership ids' })
  @ArrayMaxSize(CARE_TEAM_MAX_MEMBERS, {
    message: `careTeam must have at most ${CARE_TEAM_MAX_MEMBERS} entries`,
  })
  @IsUUID('all', { each: true, message: 'each of careTeam must be a membership id' })
  careTeam?: string[];
}

export class InfusionDto implements Infusion {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ enum: INFUSION_STATUSES }) status!: InfusionStatus;
}

export class PatientSummaryDto implements PatientSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() timeZone!: string;
  @ApiProperty({ enum: PATIENT_STATUSES }) status!: PatientStatus;
  @ApiProperty({ format: 'date-time' }) enrolledAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextInfusionAt!:
    string | null;
  @ApiProperty() completedInfusions!: number;
  @ApiProperty() scheduledInfusions!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) invitationSentAt!:
    string | null;
}

export class PatientDetailDto extends PatientSummaryDto implements PatientDetail {
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dischargedAt!: string | null;
  @ApiProperty({ type: [InfusionDto] }) infusions!: InfusionDto[];
}

export class ClinicianChoiceDto implements ClinicianChoice {
  @ApiProperty({ format: 'uuid' }) membershipId!: string;
  @ApiProperty() name!: string;
}

export class PatientPageDto implements Page<PatientSummary> {
  @ApiProperty({ type: [PatientSummaryDto] }) data!: PatientSummaryDto[];
  @ApiProperty() total!: number;
}
