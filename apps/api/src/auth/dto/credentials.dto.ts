import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangePasswordRequest,
  type MfaChallengeResponse,
  type MfaSignInRequest,
  type MfaStatus,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type RecoveryCodes,
  type TotpEnrolment,
} from '@ivks/contracts';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { normalEmail } from '../../common/text-transforms';
import { IsAcceptablePassword } from '../password-policy';

const SIX_DIGITS = /^\d{6}$/;
const SIX_DIGITS_MESSAGE = (field: string) =>
  `${field} must be the 6 digits your authenticator app shows`;

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'currentPassword must be your current password' })
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: 'currentPassword is too long' })
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsAcceptablePassword()
  newPassword!: string;
}

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty({ example: 'name@example.com' })
  @Transform(normalEmail)
  @IsEmail({}, { message: 'email must be an email address, like name@example.com' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @ApiProperty({ description: 'The token from the reset link.' })
  @IsString({ message: 'token must be the token from the reset link' })
  @IsNotEmpty({ message: 'token must be the token from the reset link' })
  @MaxLength(200, { message: 'token must be the token from the reset link' })
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsAcceptablePassword()
  password!: string;
}

export class MfaSignInDto implements MfaSignInRequest {
  @ApiProperty({ description: 'From the sign-in answer.' })
  @IsString({ message: 'mfaToken must be the token the sign-in answered with' })
  @IsNotEmpty({ message: 'mfaToken must be the token the sign-in answered with' })
  @MaxLength(200, { message: 'mfaToken must be the token the sign-in answered with' })
  mfaToken!: string;

  @ApiPropertyOptional({ example: '123456', description: 'Send this or recoveryCode.' })
  @ValidateIf((body: MfaSignInDto) => body.code !== undefined || body.recoveryCode === undefined)
  @IsString({ message: SIX_DIGITS_MESSAGE('code') })
  @Matches(SIX_DIGITS, { message: SIX_DIGITS_MESSAGE('code') })
  code?: string;

  @ApiPropertyOptional({ example: 'abcd-efgh-jkmn', description: 'Send this or code.' })
  @ValidateIf((body: MfaSignInDto) => body.recoveryCode !== undefined)
  @IsString({ message: 'recoveryCode must be one of your recovery codes, like abcd-efgh-jkmn' })
  @Matches(/^[A-Za-z0-9 -]{12,20}$/, {
    message: 'recoveryCode must be one of your recovery codes, like abcd-efgh-jkmn',
  })
  recoveryCode?: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString({ message: SIX_DIGITS_MESSAGE('code') })
  @Matches(SIX_DIGITS, { message: SIX_DIGITS_MESSAGE('code') })
  code!: string;
}

export class MfaChallengeDto implements MfaChallengeResponse {
  @ApiProperty({ enum: [true] }) mfaRequired!: true;
  @ApiProperty({ description: 'Single use, valid for five minutes.' }) mfaToken!: string;
}

export class MfaStatusDto implements MfaStatus {
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty() recoveryCodesLeft!: number;
  @ApiProperty() requiredByClinic!: boolean;
}

export class TotpEnrolmentDto implements TotpEnrolment {
  @ApiProperty({ description: 'Base32, for typing into an authenticator app.' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/...' }) otpauthUri!: string;
}

export class RecoveryCodesDto implements RecoveryCodes {
  @ApiProperty({ type: [String] }) recoveryCodes!: string[];
}
