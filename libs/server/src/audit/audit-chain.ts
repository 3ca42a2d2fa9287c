import { createHash } from 'node:crypto';

/** What the first event of a clinic's chain follows. */
export const AUDIT_GENESIS_HASH = Buffer.alloc(32);

/**
 * The stored fields of one audit event in their PostgreSQL text forms: `uuid::text`,
 * `bigint::text`, the time in UTC with microseconds (`2026-12-09T15:30:00.123456Z`),
 * `inet::text` and `jsonb::text`.
 */
export interface AuditChainFields {
  clinicId: string;
  seq: string;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  requestId: string | null;
  clientIp: string | null;
  details: string;
}

/**
 * The canonical content of an event, exactly as `audit_event_canonical` in
 * migrations/0003_audit_trail.sql builds it: one field per line, an absent value as an empty
 * line. The two are written separately on purpose, so the verifier does not take the database's
 * word for what it checks.
 */
export function canonicalAuditContent(fields: AuditChainFields): string {
  return [
    'ivks-audit-v1',
    fields.clinicId,
    fields.seq,
    fields.occurredAt,
    fields.actorUserId ?? '',
    fields.actorRole ?? '',
    fields.action,
    fields.subjectType ?? '',
    fields.subjectId ?? '',
    fields.requestId ?? '',
    fields.clientIp ?? '',
    fields.details,
  ].join('\n');
}

/** sha256 over the previous event's hash followed by this event's canonical content in UTF-8. */
export function auditEventHash(previousHash: Buffer, fields: AuditChainFields): Buffer {
  return createHash('sha256')
    .update(previousHash)
    .update(canonicalAuditContent(fields), 'utf8')
    .digest();
}
