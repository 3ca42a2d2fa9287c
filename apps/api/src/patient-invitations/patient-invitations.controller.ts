import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/auth.decorators';
import { RateLimit } from '../common/rate-limit';
import { uuidPipe } from '../common/uuid.pipe';
import {
  AcceptedPatientInvitationDto,
  AcceptPatientInvitationDto,
  FreshPatientInvitationAnswerDto,
  FreshPatientInvitationDto,
  PatientInvitationSentDto,
  PatientInvitationViewDto,
} from './dto/patient-invitation.dto';
import { PatientInvitationsService } from './patient-invitations.service';

@ApiTags('patient invitations')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'patients/:id/invitation', version: '1' })
export class PatientInvitationsController {
  constructor(private readonly invitations: PatientInvitationsService) {}

  @Post()
  @ApiCreatedResponse({
    type: PatientInvitationSentDto,
    description: 'A new link is emailed; the one sent before stops working.',
  })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  @ApiConflictResponse({ description: 'patient_invitation_accepted or patient_discharged' })
  @RateLimit('invitation')
  resend(@Param('id', uuidPipe('patient id')) id: string): Promise<PatientInvitationSentDto> {
    return this.invitations.resend(id);
  }
}

/** The invitation link's page, without sign-in: the token in the link is the permission. */
@ApiTags('patient invitations')
@Public()
@Controller({ path: 'patient-invitations', version: '1' })
export class PublicPatientInvitationsController {
  constructor(private readonly invitations: PatientInvitationsService) {}

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @RateLimit('invitation_accept')
  @ApiOkResponse({
    type: AcceptedPatientInvitationDto,
    description: 'The account is ready; sign in with this email and clinic.',
  })
  @ApiBadRequestResponse({
    description: 'validation_failed, or current_password_wrong when the email has an account',
  })
  @ApiNotFoundResponse({ description: 'patient_invitation_not_found' })
  @ApiConflictResponse({ description: 'patient_invitation_accepted or patient_account_conflict' })
  @ApiGoneResponse({ description: 'patient_invitation_expired or patient_invitation_revoked' })
  accept(
    @Body() body: AcceptPatientInvitationDto,
    @Ip() address: string,
  ): Promise<AcceptedPatientInvitationDto> {
    return this.invitations.accept(body.token, body.password, address);
  }

  @Post('fresh')
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit('invitation')
  @ApiAcceptedResponse({
    type: FreshPatientInvitationAnswerDto,
    description:
      'The same answer for every token; a link that ran out or was replaced gets a fresh one by email.',
  })
  fresh(@Body() body: FreshPatientInvitationDto): Promise<FreshPatientInvitationAnswerDto> {
    return this.invitations.fresh(body.token);
  }

  @Get(':token')
  @ApiOkResponse({ type: PatientInvitationViewDto })
  @ApiNotFoundResponse({ description: 'patient_invitation_not_found' })
  async view(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PatientInvitationViewDto> {
    void reply.header('cache-control', 'no-store');

    return this.invitations.view(token);
  }
}
