import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@ivks/contracts';
import { AppException } from '../common/app.exception';
import type { AuthUser } from './auth-user';
import { ALLOWED_DURING_MFA_ENROLMENT, ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';

/**
 * Every route needs a valid access token of a session that is still alive unless it is marked
 * public. While a required second factor is not set up, only enrolment routes answer.
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
      throw new AppException('unauthenticated', 'Please sign in again.');
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
