import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RateLimit } from '../common/rate-limit';
import type { AuthUser } from './auth-user';
import { AllowedDuringMfaEnrolment, CurrentUser, Roles } from './auth.decorators';
import { CredentialsService } from './credentials.service';
import {
  ChangePasswordDto,
  MfaStatusDto,
  RecoveryCodesDto,
  TotpCodeDto,
  TotpEnrolmentDto,
} from './dto/credentials.dto';
import { MfaService } from './mfa.service';

/** The signed-in user's own credentials: password and second factor. */
@ApiTags('account')
@ApiBearerAuth()
@Controller({ version: '1', path: 'me' })
export class AccountController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly mfa: MfaService,
  ) {}

  @RateLimit('password_change')
  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'Changed; the account’s other sessions end and a notice is emailed.',
  })
  @ApiBadRequestResponse({ description: 'current_password_wrong, or the new one is refused.' })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.credentials.changePassword(
      user,
      body.currentPassword,
      body.newPassword,
      request.ip,
    );
  }

  @AllowedDuringMfaEnrolment()
  @Roles('owner', 'admin', 'clinician')
  @Get('mfa')
  @ApiOkResponse({ type: MfaStatusDto })
  status(@CurrentUser() user: AuthUser): Promise<MfaStatusDto> {
    return this.mfa.status(user);
  }

  @AllowedDuringMfaEnrolment()
  @Roles('owner', 'admin', 'clinician')
  @Post('mfa/totp')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: TotpEnrolmentDto,
    description: 'Starts enrolment; confirm it with a first code.',
  })
  @ApiConflictResponse({ description: 'mfa_already_enabled' })
  startTotp(@CurrentUser() user: AuthUser): Promise<TotpEnrolmentDto> {
    return this.mfa.start(user);
  }

  @AllowedDuringMfaEnrolment()
  @Roles('owner', 'admin', 'clinician')
  @RateLimit('mfa_manage')
  @Post('mfa/totp/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: RecoveryCodesDto,
    description:
      'Ten recovery codes, shown this once. Refresh the session afterwards to leave enrolment.',
  })
  @ApiBadRequestResponse({ description: 'mfa_code_invalid' })
  confirmTotp(@CurrentUser() user: AuthUser, @Body() body: TotpCodeDto): Promise<RecoveryCodesDto> {
    return this.mfa.confirm(user, body.code);
  }

  @Roles('owner', 'admin', 'clinician')
  @RateLimit('mfa_manage')
  @Delete('mfa')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The authenticator app and recovery codes are removed.' })
  @ApiConflictResponse({ description: 'mfa_required_by_clinic, or mfa_not_enabled.' })
  disable(@CurrentUser() user: AuthUser, @Body() body: TotpCodeDto): Promise<void> {
    return this.mfa.disable(user, body.code);
  }
}
