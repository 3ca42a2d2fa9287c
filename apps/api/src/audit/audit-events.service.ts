import { Injectable } from '@nestjs/common';
import type { AuditEvent, AuditEventPage } from '@ivks/contracts';
import { pageTotal, TenantTransactions } from '@ivks/server';
import type { ListAuditEventsQueryDto } from './dto/audit-event.dto';

interface AuditEventRow {
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: AuditEvent['actorRole'];
  actor_name: string | null;
  action: AuditEvent['action'];
  subject_type: AuditEvent['subjectType'];
  subject_id: string | null;
  subject_name: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
  client_ip: string | null;
  total?: number;
}

const FILTERS = `
  WHERE e.clinic_id = $1
    AND ($2::text IS NULL OR e.action = $2)
    AND ($3::uuid IS NULL OR e.actor_user_id = $3)
    AND ($4::uuid IS NULL OR e.subject_id = $4)
    AND ($5::timestamptz IS NULL OR e.occurred_at >= $5)
    AND ($6::timestamptz IS NULL OR e.occurred_at < $6)`;

@Injectable()
export class AuditEventsService {
  constructor(private readonly tenants: TenantTransactions) {}

  /** A page of the clinic's events, newest first; the policies let only owners and admins read. */
  async list(query: ListAuditEventsQueryDto): Promise<AuditEventPage> {
    const perPage = query.perPage ?? 25;
    const page = query.page ?? 1;
    const filters = [
      this.tenants.scope.clinicId,
      query.action ?? null,
      query.actorUserId ?? null,
      query.subjectId ?? null,
      query.from ?? null,
      query.to ?? null,
    ];

    const rows = await this.tenants.manager.query<AuditEventRow[]>(
      `SELECT e.seq, e.occurred_at, e.actor_user_id, e.actor_role, actor.display_name AS actor_name,
              e.action, e.subject_type, e.subject_id,
              CASE e.subject_type
                WHEN 'patient' THEN (
                  SELECT p.given_name || ' ' || p.family_name FROM patients p
                  WHERE p.clinic_id = e.clinic_id AND p.id = e.subject_id)
                WHEN 'user' THEN (
                  SELECT m.display_name FROM memberships m
                  WHERE m.clinic_id = e.clinic_id AND m.user_id = e.subject_id)
              END AS subject_name,
              e.details, e.request_id, host(e.client_ip) AS client_ip,
              count(*) OVER ()::int AS total
       FROM audit_events e
       LEFT JOIN memberships actor
         ON actor.clinic_id = e.clinic_id AND actor.user_id = e.actor_user_id
       ${FILTERS}
       ORDER BY e.seq DESC
       LIMIT $7 OFFSET $8`,
      [...filters, perPage, (page - 1) * perPage],
    );
    const total = await pageTotal(rows, async () => {
      const [counted] = await this.tenants.manager.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM audit_events e ${FILTERS}`,
        filters,
      );

      return counted?.total ?? 0;
    });

    return { data: rows.map(eventView), total };
  }
}

function eventView(row: AuditEventRow): AuditEvent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    details: row.details,
    requestId: row.request_id,
    clientIp: row.client_ip,
  };
}
