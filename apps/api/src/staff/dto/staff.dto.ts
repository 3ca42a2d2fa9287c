import { ApiProperty } from '@nestjs/swagger';
import {
  type AcceptedStaffInvitation,
  type AcceptStaffInvitationRequest,
  type ChangeStaffRoleRequest,
  type FreshStaffInvitationRequest,
  INVITABLE_ROLES,
  type InvitableRole,
  type InviteStaffRequest,
  STAFF_ROLES,
  type StaffInvitation,
  type StaffInvitationPreview,
  type StaffInvitationStatus,
  type StaffList,
  type StaffMember,
  type StaffMemberStatus,
  type StaffRole,
  PASSWORD_MAX_LENGTH,
} from '@ivks/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { normalEmail, trimmed } from '../../common/text-transforms';
import { IsPlainName } from '../../common/is-plain-name';

export class InviteStaffDto implements InviteStaffRequest {
  @ApiProperty({ example: 'new.clinician@harbourside.example' })
  @Transform(normalEmail)
  @IsEmail({}, { message: 'email must be an email address, like name@example.com' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email!: string;

  @ApiProperty({ maxLength: 200, description: 'How the person is shown to the clinic.' })
  @Transform(trimmed)
  @IsString({ message: 'displayName must be text' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200, { message: 'displayName must be at most 200 characters' })
  @IsPlainName()
  displayName!: string;

  @ApiProperty({ enum: INVITABLE_ROLES })
  @IsIn(INVITABLE_ROLES, { message: `role must be one of: ${INVITABLE_ROLES.join(', ')}` })
  role!: InvitableRole;
}

export class ChangeStaffRoleDto implements ChangeStaffRoleRequest {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;
}

const TOKEN_MESSAGE = 'token must be the text of the link in the invitation email';

export class AcceptStaffInvitationDto implements AcceptStaffInvitationRequest {
  @ApiProperty({ description: 'The token of the link in the invitation email.' })
  @IsString({ message: TOKEN_MESSAGE })
  @MinLength(1, { message: TOKEN_MESSAGE })
  @MaxLength(200, { message: TOKEN_MESSAGE })
  token!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'A new password for a new account; the current one for an existing account.',
  })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  })
  password!: string;
}

export class FreshStaffInvitationDto implements FreshStaffInvitationRequest {
  @ApiProperty({ description: 'The token of the expired invitation’s link.' })
  @IsString({ message: TOKEN_MESSAGE })
  @MinLength(1, { message: TOKEN_MESSAGE })
  @MaxLength(200, { message: TOKEN_MESSAGE })
  token!: string;
}

export class StaffMemberDto implements StaffMember {
  @ApiProperty({ format: 'uuid' }) membershipId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ enum: ['active', 'deactivated'] }) status!: StaffMemberStatus;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
}

export class StaffInvitationDto implements StaffInvitation {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: INVITABLE_ROLES }) role!: InvitableRole;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty() expired!: boolean;
}

export class StaffListDto implements StaffList {
  @ApiProperty({ type: [StaffMemberDto] }) members!: StaffMemberDto[];
  @ApiProperty({ type: [StaffInvitationDto], description: 'Not yet accepted or withdrawn.' })
  invitations!: StaffInvitationDto[];
}

export class StaffInvitationPreviewDto implements StaffInvitationPreview {
  @ApiProperty() clinicName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: INVITABLE_ROLES }) role!: InvitableRole;
  @ApiProperty({ enum: ['pending', 'expired', 'accepted', 'revoked'] })
  status!: StaffInvitationStatus;
  @ApiProperty({ description: 'False when the email already has an account.' })
  needsPassword!: boolean;
}

export class AcceptedStaffInvitationDto implements AcceptedStaffInvitation {
  @ApiProperty({ format: 'uuid' }) clinicId!: string;
  @ApiProperty() email!: string;
}

export class FreshStaffInvitationAcceptedDto {
  @ApiProperty() message!: string;
}
