import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { AuditOrigins } from '@ivks/server';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/**
 * Gives every request's audit events its request id and the caller's address. The address is
 * the one the forwarding headers name (see `trustProxy`), so it is only as good as the load
 * balancer in front of the API.
 */
@Injectable()
export class AuditOriginInterceptor implements NestInterceptor {
  constructor(private readonly origins: AuditOrigins) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const origin = { requestId: request.id, clientIp: request.ip ?? null };

    return new Observable((subscriber) =>
      this.origins.run(origin, () => next.handle().subscribe(subscriber)),
    );
  }
}
