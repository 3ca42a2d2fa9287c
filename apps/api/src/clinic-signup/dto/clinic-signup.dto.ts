import { ApiProperty } from '@nestjs/swagger';
import {
  type ClinicSignupAccepted,
  type ClinicSignupRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type VerifiedClinicSignup,
  type VerifyClinicSignupRequest,
} from '@ivks/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../../auth/password-policy';
import { IsTimeZone } from '../../common/is-time-zone';
import { normalEmail, trimmed } from '../../common/text-transforms';
import { IsPlainName } from '../../common/is-plain-name';

export class ClinicSignupDto implements ClinicSignupRequest {
  @ApiProperty({ maxLength: 200, example: 'Harbourside Ketamine Clinic' })
  @Transform(trimmed)
  @IsString({ message: 'clinicName must be text' })
  @MinLength(1, { message: 'clinicName must not be empty' })
  @MaxLength(200, { message: 'clinicName must be at most 200 characters' })
  @IsPlainName()
  clinicName!: string;

  @ApiProperty({ example: 'America/New_York' })
  @IsTimeZone()
  timeZone!: string;

  @ApiProperty({ example: '+1 617 555 0100' })
  @Matches(/^\+?[0-9 ()-]{6,20}$/, {
    message: 'phone must be a phone number, like +1 617 555 0100',
  })
  phone!: string;

  @ApiProperty({ maxLength: 200, description: 'How the owner is shown to their staff.' })
  @Transform(trimmed)
  @IsString({ message: 'ownerName must be text' })
  @MinLength(1, { message: 'ownerName must not be empty' })
  @MaxLength(200, { message: 'ownerName must be at most 200 characters' })
  @IsPlainName()
  ownerName!: string;

  @ApiProperty({ example: 'owner@harbourside.example' })
  @Transform(normalEmail)
  @IsEmail({}, { message: 'email must be an email address, like name@example.com' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsAcceptablePassword()
  password!: string;
}

export class ClinicSignupAcceptedDto implements ClinicSignupAccepted {
  @ApiProperty() message!: string;
}

export class VerifyClinicSignupDto implements VerifyClinicSignupRequest {
  @ApiProperty({ description: 'The token of the link in the verification email.' })
  @IsString({ message: 'token must be the text of the link in the email' })
  @MinLength(1, { message: 'token must not be empty' })
  @MaxLength(200, { message: 'token must be the text of the link in the email' })
  token!: string;
}

export class VerifiedClinicSignupDto implements VerifiedClinicSignup {
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
}
