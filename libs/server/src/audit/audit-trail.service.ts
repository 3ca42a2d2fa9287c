import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditActorRole, AuditDetails, AuditSubjectType } from '@ivks/contracts';
import { type TenantScope } from '../database/tenant-scope';
import { TenantTransactions } from '../database/tenant-transactions';
import { AuditOrigins } from './audit-origin';

/** One event to append to the current clinic's audit trail. */
export interface AuditEventInput<A extends AuditAction = AuditAction> {
  action: A;
  details: AuditDetails<A>;
  subject?: { type: AuditSubjectType; id: string };
  /**
   * Who acted, when that is not the unit's own user and role: the sign-out and refresh routes
   * run before the role is known, and the portal acts by itself when it revokes sessions. The
   * database refuses an actor other than the unit's user.
   */
  actor?: { userId: string | null; role: AuditActorRole | null };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Appends events to the clinic's audit trail. The database numbers and chains each event; see
 * migrations/0003_audit_trail.sql. Appending holds the clinic's chain head locked until the unit
 * of work ends, so record an event as the last step of a unit.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly tenants: TenantTransactions,
    private readonly origins: AuditOrigins,
  ) {}

  /** Appends an event inside the current unit of work: it commits or rolls back with it. */
  async record<A extends AuditAction>(event: AuditEventInput<A>): Promise<void> {
    const scope = this.tenants.scope;
    const actor = event.actor ?? { userId: scope.userId, role: scope.role };
    const { requestId, clientIp } = this.origins.current;

    // No RETURNING: only owners and admins may read the row back.
    await this.tenants.manager.query(
      `INSERT INTO audit_events
         (clinic_id, actor_user_id, actor_role, action, subject_type, subject_id, request_id,
          client_ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        scope.clinicId,
        actor.userId,
        actor.role,
        event.action,
        event.subject?.type ?? null,
        event.subject?.id ?? null,
        requestId !== null && REQUEST_ID.test(requestId) ? requestId : null,
        clientIp !== null && isIP(clientIp) !== 0 ? clientIp : null,
        JSON.stringify(event.details),
      ],
    );
  }

  /** Appends an event in a unit of work of its own, for work that has no unit open yet. */
  recordIn<A extends AuditAction>(scope: TenantScope, event: AuditEventInput<A>): Promise<void> {
    return this.tenants.run(scope, () => this.record(event));
  }
}
