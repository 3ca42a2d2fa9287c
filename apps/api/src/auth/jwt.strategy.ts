import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import type { AccessTokenClaims, AuthUser } from './auth-user';

/** Reads the bearer access token and checks its signature and expiry. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(private readonly jwt: JwtService) {
    super();
  }

  validate(token: string): AuthUser {
    const claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });

    return {
      userId: claims.sub,
      clinicId: claims.cid,
      membershipId: claims.mid,
      sessionId: claims.sid,
      role: claims.role,
    };
  }
}
