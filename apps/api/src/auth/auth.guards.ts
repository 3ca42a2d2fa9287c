import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@ivks/contracts';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../common/app.exception';
import type { AuthUser } from './auth-user';
import { ALLOWED_DURING_MFA_ENROLMENT, ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';

const SIGN_IN_AGAIN = 'Please sign in again.';

/**
 * Every route not marked public needs a valid access token of a sign-in that is still alive, sent
 * in the Authorization header: a token in the address or the body would be kept in proxy logs and
 * browser history. While a required second factor is not set up, only enrolment routes answer.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!/^Bearer /i.test(request.headers.authorization ?? '')) {
      throw new AppException('unauthenticated', SIGN_IN_AGAIN);
    }
    await (super.canActivate(context) as Promise<boolean>);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (
      user.mfaEnrolmentPending &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_MFA_ENROLMENT, targets)
    ) {
      throw new AppException(
        'mfa_enrolment_required',
        'Your clinic requires two-step sign-in. Set up an authenticator app on the security page before doing anything else.',
      );
    }

    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) {
      throw new AppException('unauthenticated', SIGN_IN_AGAIN);
    }

    return user;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) {
      return true;
    }
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user || !allowed.includes(user.role)) {
      throw new AppException('forbidden', 'Your role does not allow this.');
    }

    return true;
  }
}
