import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { AccessTokenClaims, AuthUser } from './auth-user';
import { Clock } from './clock';
import { SessionActivity } from './session-activity';

/**
 * Reads the bearer access token, checks its signature and expiry, and asks whether its sign-in
 * is still alive, which also counts the request as activity. A session ended by signing out
 * everywhere, a password change or reset, or a deactivation fails here on its next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly jwt: JwtService,
    private readonly activity: SessionActivity,
    private readonly clock: Clock,
  ) {
    super();
  }

  async validate(token: string): Promise<AuthUser | false> {
    const claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    if (!claims.fid || !(await this.activity.touch(claims.fid, this.clock.now()))) {
      return false;
    }

    return {
      userId: claims.sub,
      clinicId: claims.cid,
      membershipId: claims.mid,
      sessionId: claims.sid,
      familyId: claims.fid,
      role: claims.role,
      mfaEnrolmentPending: claims.mfa === 'enrol',
    };
  }
}
