import { ApiProperty } from '@nestjs/swagger';
import {
  type AcceptedPatientInvitation,
  type AcceptPatientInvitationRequest,
  type FreshPatientInvitationAnswer,
  type FreshPatientInvitationRequest,
  PATIENT_INVITATION_STATUSES,
  type PatientInvitationSent,
  type PatientInvitationStatus,
  type PatientInvitationView,
  PASSWORD_MIN_LENGTH,
} from '@ivks/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../../auth/password-policy';

const TOKEN_MAX_LENGTH = 200;

export class FreshPatientInvitationDto implements FreshPatientInvitationRequest {
  @ApiProperty({ description: 'The token from the invitation link.', maxLength: TOKEN_MAX_LENGTH })
  @IsString({ message: 'token must be the token from the invitation link' })
  @MinLength(1, { message: 'token must be the token from the invitation link' })
  @MaxLength(TOKEN_MAX_LENGTH, { message: 'token must be the token from the invitation link' })
  token!: string;
}

export class AcceptPatientInvitationDto
  extends FreshPatientInvitationDto
  implements AcceptPatientInvitationRequest
{
  @ApiProperty({
    description:
      'The new account’s password, or the current one when the email already has an account.',
    minLength: PASSWORD_MIN_LENGTH,
  })
  @IsAcceptablePassword()
  password!: string;
}

export class PatientInvitationViewDto implements PatientInvitationView {
  @ApiProperty({ enum: PATIENT_INVITATION_STATUSES }) status!: PatientInvitationStatus;
  @ApiProperty() clinicName!: string;
  @ApiProperty() givenName!: string;
}

export class AcceptedPatientInvitationDto implements AcceptedPatientInvitation {
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
}

export class FreshPatientInvitationAnswerDto implements FreshPatientInvitationAnswer {
  @ApiProperty() message!: string;
}

export class PatientInvitationSentDto implements PatientInvitationSent {
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
