import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../auth/auth.decorators';
import { RateLimit } from '../common/rate-limit';
import { uuidPipe } from '../common/uuid.pipe';
import {
  AcceptedStaffInvitationDto,
  AcceptStaffInvitationDto,
  ChangeStaffRoleDto,
  FreshStaffInvitationAcceptedDto,
  FreshStaffInvitationDto,
  InviteStaffDto,
  StaffInvitationDto,
  StaffInvitationPreviewDto,
  StaffListDto,
  StaffMemberDto,
} from './dto/staff.dto';
import { StaffInvitationLinksService } from './staff-invitation-links.service';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Roles('owner', 'admin')
@Controller({ path: 'staff', version: '1' })
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOkResponse({ type: StaffListDto, description: 'Staff members and open invitations.' })
  list(): Promise<StaffListDto> {
    return this.staff.list();
  }

  @Post('invitations')
  @ApiCreatedResponse({ type: StaffInvitationDto, description: 'The invitation email is queued.' })
  @ApiConflictResponse({ description: 'staff_already_member or staff_already_invited.' })
  invite(@Body() body: InviteStaffDto): Promise<StaffInvitationDto> {
    return this.staff.invite(body);
  }

  @Post('invitations/:invitationId/resend')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: StaffInvitationDto, description: 'A new link; the old one is dead.' })
  @ApiNotFoundResponse({ description: 'staff_invitation_not_found' })
  @ApiGoneResponse({ description: 'staff_invitation_closed: accepted or withdrawn.' })
  @RateLimit('invitation')
  resend(
    @Param('invitationId', uuidPipe('invitation')) invitationId: string,
  ): Promise<StaffInvitationDto> {
    return this.staff.resend(invitationId);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The invitation’s link stops working at once.' })
  @ApiNotFoundResponse({ description: 'staff_invitation_not_found' })
  @ApiGoneResponse({ description: 'staff_invitation_closed: already accepted.' })
  revoke(@Param('invitationId', uuidPipe('invitation')) invitationId: string): Promise<void> {
    return this.staff.revoke(invitationId);
  }

  @Patch(':membershipId')
  @ApiOkResponse({ type: StaffMemberDto })
  @ApiNotFoundResponse({ description: 'staff_member_not_found' })
  @ApiForbiddenResponse({ description: 'staff_change_forbidden: only owners change owners.' })
  @ApiConflictResponse({ description: 'staff_last_owner' })
  changeRole(
    @Param('membershipId', uuidPipe('staff member')) membershipId: string,
    @Body() body: ChangeStaffRoleDto,
  ): Promise<StaffMemberDto> {
    return this.staff.changeRole(membershipId, body.role);
  }

  @Post(':membershipId/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: StaffMemberDto, description: 'Their sessions end at once.' })
  @ApiNotFoundResponse({ description: 'staff_member_not_found' })
  @ApiForbiddenResponse({ description: 'staff_change_forbidden' })
  @ApiConflictResponse({ description: 'staff_last_owner' })
  deactivate(
    @Param('membershipId', uuidPipe('staff member')) membershipId: string,
  ): Promise<StaffMemberDto> {
    return this.staff.deactivate(membershipId);
  }

  @Post(':membershipId/reactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: StaffMemberDto })
  @ApiNotFoundResponse({ description: 'staff_member_not_found' })
  @ApiForbiddenResponse({ description: 'staff_change_forbidden' })
  reactivate(
    @Param('membershipId', uuidPipe('staff member')) membershipId: string,
  ): Promise<StaffMemberDto> {
    return this.staff.reactivate(membershipId);
  }
}

/** The invited person's side, without sign-in: the token in the link is the permission. */
@ApiTags('staff')
@Public()
@Controller({ path: 'staff-invitations', version: '1' })
export class StaffInvitationLinksController {
  constructor(private readonly links: StaffInvitationLinksService) {}

  @Get(':token')
  @ApiOkResponse({ type: StaffInvitationPreviewDto })
  @ApiNotFoundResponse({ description: 'staff_invitation_not_found: replaced or never made.' })
  preview(@Param('token') token: string): Promise<StaffInvitationPreviewDto> {
    return this.links.preview(token);
  }

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @RateLimit('invitation_accept')
  @ApiOkResponse({ type: AcceptedStaffInvitationDto, description: 'The person can now sign in.' })
  @ApiNotFoundResponse({ description: 'staff_invitation_not_found' })
  @ApiGoneResponse({ description: 'staff_invitation_closed: expired, accepted or withdrawn.' })
  accept(
    @Body() body: AcceptStaffInvitationDto,
    @Ip() address: string,
  ): Promise<AcceptedStaffInvitationDto> {
    return this.links.accept(body.token, body.password, address);
  }

  @Post('fresh')
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit('invitation')
  @ApiAcceptedResponse({
    type: FreshStaffInvitationAcceptedDto,
    description: 'The same answer whether or not a fresh link was sent.',
  })
  fresh(@Body() body: FreshStaffInvitationDto): Promise<FreshStaffInvitationAcceptedDto> {
    return this.links.fresh(body.token);
  }
}
