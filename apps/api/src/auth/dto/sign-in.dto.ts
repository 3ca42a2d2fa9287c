import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Me,
  PASSWORD_MAX_LENGTH,
  type Role,
  type SessionResponse,
  type SignInRequest,
} from '@ivks/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { normalEmail } from '../../common/text-transforms';

export class SignInDto implements SignInRequest {
  @ApiProperty({ example: 'clinician@harbourside.example' })
  @Transform(normalEmail)
  @IsEmail({}, { message: 'email must be an email address, like name@example.com' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Needed when the account belongs to several clinics.',
  })
  @IsOptional()
  @IsUUID()
  clinicId?: string;
}

export class SessionDto implements SessionResponse {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires.' })
  expiresIn!: number;
}

class ClinicSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
}

export class MeDto implements Me {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'clinician', 'patient'] }) role!: Role;
  @ApiProperty({ type: ClinicSummaryDto }) clinic!: ClinicSummaryDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) patientId!: string | null;
}
