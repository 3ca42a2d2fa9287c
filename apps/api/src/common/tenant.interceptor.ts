import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { recordLogIdentity, TenantTransactions } from '@ivks/server';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { type AuthUser, scopeOf } from '../auth/auth-user';

/**
 * Runs each signed-in request's handler inside one transaction set to the user's clinic, user
 * and role. The transaction commits before the response is written.
 */
@Injectable()
export class TenantInterceptor implements NestInterceptor {
  constructor(private readonly tenants: TenantTransactions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const user = request.user;
    if (!user) {
      return next.handle();
    }
    recordLogIdentity(request.raw, { clinicId: user.clinicId, userId: user.userId });

    return from(
      this.tenants.run(scopeOf(user), () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }
}
