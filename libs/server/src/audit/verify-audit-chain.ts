import type { ClientBase } from 'pg';
import { AUDIT_GENESIS_HASH, type AuditChainFields, auditEventHash } from './audit-chain';

/** One stored event as the verifier reads it: its fields, and the hashes stored with it. */
export interface AuditChainRow extends AuditChainFields {
  prevHash: Buffer;
  hash: Buffer;
}

/** Where a clinic's chain says it ends. */
export interface AuditChainHead {
  lastSeq: number;
  lastHash: Buffer;
}

/** The first place a clinic's chain does not hold, and what is wrong there. */
export interface AuditChainBreak {
  seq: number;
  problem: string;
}

export interface ClinicChainResult {
  events: number;
  firstBreak: AuditChainBreak | null;
}

export interface ClinicChainReport extends ClinicChainResult {
  clinicId: string;
  clinicName: string;
}

export interface AuditVerification {
  clinics: ClinicChainReport[];
  events: number;
  broken: ClinicChainReport[];
}

/**
 * Recomputes one clinic's chain from its events in seq order and compares it with its head. It
 * finds an event that was changed (its hash no longer matches), removed (a gap in seq, or a
 * chain shorter than the head says) or added outside the chain (a hash that does not follow, or
 * events beyond the head).
 */
export async function checkClinicChain(
  rows: AsyncIterable<AuditChainRow> | Iterable<AuditChainRow>,
  head: AuditChainHead | null,
): Promise<ClinicChainResult> {
  let expected = 1;
  let previous: Buffer = AUDIT_GENESIS_HASH;
  let events = 0;

  for await (const row of rows) {
    events += 1;
    const seq = Number(row.seq);
    if (seq !== expected) {
      return {
        events,
        firstBreak: {
          seq: expected,
          problem:
            seq > expected
              ? `event ${expected} is missing: the next event is ${seq}`
              : `event ${seq} appears out of order`,
        },
      };
    }
    if (!row.prevHash.equals(previous)) {
      return {
        events,
        firstBreak: { seq, problem: `it does not follow event ${seq - 1}, as stored now` },
      };
    }
    if (!auditEventHash(previous, row).equals(row.hash)) {
      return { events, firstBreak: { seq, problem: 'its content no longer matches its hash' } };
    }
    previous = row.hash;
    expected += 1;
  }

  const last = expected - 1;
  if (head === null) {
    return {
      events,
      firstBreak:
        events === 0 ? null : { seq: 1, problem: 'the clinic has events but no chain head' },
    };
  }
  if (head.lastSeq > last) {
    return {
      events,
      firstBreak: {
        seq: last + 1,
        problem: `the chain ends at event ${last}, but its head says ${head.lastSeq}`,
      },
    };
  }
  if (head.lastSeq < last) {
    return {
      events,
      firstBreak: {
        seq: head.lastSeq + 1,
        problem: `events after ${head.lastSeq}, where the head ends, were added outside the chain`,
      },
    };
  }
  if (!head.lastHash.equals(previous)) {
    return {
      events,
      firstBreak: { seq: last, problem: 'the head does not hold the hash of the last event' },
    };
  }

  return { events, firstBreak: null };
}

type Queryable = Pick<ClientBase, 'query'>;

interface StoredEvent {
  clinic_id: string;
  seq: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  details: string;
  prev_hash: Buffer;
  hash: Buffer;
}

// Every value in the text form the canonical content uses; the time in UTC whatever the session's.
// The ORDER BY names the table's column, since the output column of the same name is text.
const STORED_EVENTS = `
  SELECT clinic_id::text, seq::text,
         to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
         actor_user_id::text, actor_role, action, subject_type, subject_id::text, request_id,
         client_ip::text, details::text, prev_hash, hash
  FROM audit_events
  WHERE clinic_id = $1 AND seq > $2
  ORDER BY audit_events.seq
  LIMIT $3`;

async function* storedEvents(
  client: Queryable,
  clinicId: string,
  batchSize: number,
): AsyncGenerator<AuditChainRow> {
  let after = '0';
  for (;;) {
    const { rows } = await client.query<StoredEvent>(STORED_EVENTS, [clinicId, after, batchSize]);
    for (const row of rows) {
      yield {
        clinicId: row.clinic_id,
        seq: row.seq,
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        requestId: row.request_id,
        clientIp: row.client_ip,
        details: row.details,
        prevHash: row.prev_hash,
        hash: row.hash,
      };
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < batchSize) {
      return;
    }
    after = last.seq;
  }
}

/**
 * Checks the chain of every clinic that has an audit trail. It must run as the owner role, which
 * reads every clinic's rows, and reads everything in one snapshot, so events added while it runs
 * are not mistaken for events beyond the head.
 */
export async function verifyAuditChains(
  client: Queryable,
  batchSize = 1000,
): Promise<AuditVerification> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const { rows: clinics } = await client.query<{
      id: string;
      name: string;
      last_seq: string | null;
      last_hash: Buffer | null;
    }>(`
      SELECT c.id::text, c.name, h.last_seq::text, h.last_hash
      FROM clinics c LEFT JOIN audit_chain_heads h ON h.clinic_id = c.id
      WHERE h.clinic_id IS NOT NULL
         OR EXISTS (SELECT 1 FROM audit_events e WHERE e.clinic_id = c.id)
      ORDER BY c.name, c.id`);
    const reports: ClinicChainReport[] = [];
    for (const clinic of clinics) {
      const head =
        clinic.last_seq === null || clinic.last_hash === null
          ? null
          : { lastSeq: Number(clinic.last_seq), lastHash: clinic.last_hash };
      const result = await checkClinicChain(storedEvents(client, clinic.id, batchSize), head);
      reports.push({ clinicId: clinic.id, clinicName: clinic.name, ...result });
    }
    await client.query('COMMIT');

    return {
      clinics: reports,
      events: reports.reduce((sum, report) => sum + report.events, 0),
      broken: reports.filter((report) => report.firstBreak !== null),
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
