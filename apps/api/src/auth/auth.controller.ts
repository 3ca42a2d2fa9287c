import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiExtraModels,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimit } from '../common/rate-limit';
import type { AuthUser } from './auth-user';
import { AllowedDuringMfaEnrolment, CurrentUser, Public } from './auth.decorators';
import { AuthService, type IssuedSession } from './auth.service';
import { CredentialsService } from './credentials.service';
import {
  MfaChallengeDto,
  MfaSignInDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
} from './dto/credentials.dto';
import { MeDto, SessionDto, SignInDto } from './dto/sign-in.dto';

export const REFRESH_COOKIE = 'ivks_refresh';
const REFRESH_COOKIE_PATH = '/api/v1/auth';

function bearerTokenOf(request: FastifyRequest): string | undefined {
  return /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** The one answer to a reset request, whether or not the email has an account. */
const RESET_REQUESTED = {
  message:
    'If an account uses this email, a link to choose a new password is on its way. It works for one hour.',
};

@ApiTags('auth')
@ApiExtraModels(SessionDto, MfaChallengeDto)
@Controller({ version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly credentials: CredentialsService,
  ) {}

  @Public()
  @RateLimit('sign_in')
  @Post('auth/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'A session (and the refresh cookie), or, for staff with an authenticator app, a challenge to answer at /auth/mfa.',
    schema: {
      oneOf: [{ $ref: getSchemaPath(SessionDto) }, { $ref: getSchemaPath(MfaChallengeDto) }],
    },
  })
  @ApiUnauthorizedResponse({ description: 'invalid_credentials: the same for an unknown email.' })
  @ApiConflictResponse({ description: 'clinic_required: the account belongs to several clinics.' })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto | MfaChallengeDto> {
    const outcome = await this.auth.signIn(body.email, body.password, body.clinicId, request.ip);

    return outcome.kind === 'mfa' ? outcome.challenge : this.withCookie(reply, outcome.issued);
  }

  @Public()
  @RateLimit('sign_in')
  @Post('auth/mfa')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto, description: 'Also sets the refresh cookie.' })
  @ApiUnauthorizedResponse({
    description:
      'invalid_credentials: the code is wrong or already used; unauthenticated: the mfaToken expired.',
  })
  async completeMfa(
    @Body() body: MfaSignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const factor =
      body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode ?? '' };

    return this.withCookie(reply, await this.auth.completeMfa(body.mfaToken, factor, request.ip));
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOkResponse({ type: SessionDto, description: 'Rotates the refresh cookie.' })
  @ApiUnauthorizedResponse({ description: 'The refresh cookie is missing, expired or revoked.' })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return this.withCookie(reply, await this.auth.refresh(request.cookies[REFRESH_COOKIE]));
  }

  @Public()
  @Post('auth/sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description:
      'Ends the sign-in of the refresh cookie and of the access token, whichever are sent.',
  })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(request.cookies[REFRESH_COOKIE], bearerTokenOf(request));
    void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  }

  @AllowedDuringMfaEnrolment()
  @Post('auth/sign-out-everywhere')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description: 'Ends every session of the account, this one too, in every clinic, at once.',
  })
  signOutEverywhere(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): void {
    this.auth.signOutEverywhere(user);
    void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  }

  @Public()
  @RateLimit('password_reset')
  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description:
      'The same answer, at about the same time, whether or not the email has an account.',
  })
  requestReset(@Body() body: PasswordResetRequestDto): typeof RESET_REQUESTED {
    this.credentials.requestReset(body.email);

    return RESET_REQUESTED;
  }

  @Public()
  @RateLimit('password_reset_confirm')
  @Post('auth/password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'The password is set; every session of the account has ended. Sign in again.',
  })
  @ApiBadRequestResponse({ description: 'reset_token_used: the link was used or is not valid.' })
  @ApiGoneResponse({ description: 'reset_token_expired: the link is older than an hour.' })
  async confirmReset(
    @Body() body: PasswordResetConfirmDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.credentials.confirmReset(body.token, body.password, request.ip);
  }

  @AllowedDuringMfaEnrolment()
  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.auth.me(user);
  }

  private withCookie(reply: FastifyReply, issued: IssuedSession): SessionDto {
    void reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      expires: issued.refreshExpiresAt,
    });

    return issued.session;
  }
}
