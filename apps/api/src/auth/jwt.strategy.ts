import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '@ivks/server';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims, AuthUser } from './auth-user';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthUser {
    return {
      userId: claims.sub,
      clinicId: claims.cid,
      membershipId: claims.mid,
      sessionId: claims.sid,
      role: claims.role,
    };
  }
}
