import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService, type IssuedSession } from './auth.service';
import { MeDto, SessionDto, SignInDto } from './dto/sign-in.dto';

export const REFRESH_COOKIE = 'ivks_refresh';
const REFRESH_COOKIE_PATH = '/api/v1/auth';

@ApiTags('auth')
@Controller({ version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto, description: 'Also sets the refresh cookie.' })
  @ApiUnauthorizedResponse({ description: 'invalid_credentials: the same for an unknown email.' })
  @ApiConflictResponse({ description: 'clinic_required: the account belongs to several clinics.' })
  async signIn(
    @Body() body: SignInDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return this.withCookie(reply, await this.auth.signIn(body.email, body.password, body.clinicId));
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
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(request.cookies[REFRESH_COOKIE]);
    void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
  }

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
