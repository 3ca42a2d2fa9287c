import { ApiProperty } from '@nestjs/swagger';
import {
  type CareTeam,
  type CareTeamMember,
  type SetCareTeamRequest,
  STAFF_ROLES,
  type StaffRole,
} from '@ivks/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export const CARE_TEAM_MAX_MEMBERS = 50;

export class SetCareTeamDto implements SetCareTeamRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: CARE_TEAM_MAX_MEMBERS,
    description:
      'Staff memberships of the clinic; the team becomes exactly these. A patient always has at least one: the team reads what they share.',
  })
  @IsArray({ message: 'membershipIds must be a list of membership ids' })
  @ArrayMinSize(1, {
    message:
      'membershipIds must name at least one member of staff, who reads what the patient shares',
  })
  @ArrayMaxSize(CARE_TEAM_MAX_MEMBERS, {
    message: `membershipIds must have at most ${CARE_TEAM_MAX_MEMBERS} entries`,
  })
  @IsUUID('all', { each: true, message: 'each of membershipIds must be a membership id' })
  membershipIds!: string[];
}

export class CareTeamMemberDto implements CareTeamMember {
  @ApiProperty({ format: 'uuid' }) membershipId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

export class CareTeamDto implements CareTeam {
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ type: [CareTeamMemberDto] }) members!: CareTeamMemberDto[];
}
