import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

/** Where the work being audited came from: the request's id and the caller's address. */
export interface AuditOrigin {
  requestId: string | null;
  clientIp: string | null;
}

const UNKNOWN: AuditOrigin = { requestId: null, clientIp: null };

/**
 * Carries the origin of the current request (or, later, job) to the audit trail, so that code
 * recording an event need not pass it down through every service.
 */
@Injectable()
export class AuditOrigins {
  private readonly storage = new AsyncLocalStorage<AuditOrigin>();

  run<T>(origin: AuditOrigin, work: () => T): T {
    return this.storage.run(origin, work);
  }

  get current(): AuditOrigin {
    return this.storage.getStore() ?? UNKNOWN;
  }
}
