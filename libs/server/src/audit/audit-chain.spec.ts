import { AUDIT_GENESIS_HASH, auditEventHash, canonicalAuditContent } from './audit-chain';

// Two events as PostgreSQL 15 stored them through the trigger of migrations/0003_audit_trail.sql,
// with the hashes it computed, so that the two implementations are held to the same answer.
const first = {
  clinicId: '11111111-1111-1111-1111-111111111111',
  seq: '1',
  occurredAt: '2026-12-04T05:45:09.803889Z',
  actorUserId: '33333333-3333-3333-3333-333333333333',
  actorRole: 'clinician',
  action: 'patient.viewed',
  subjectType: 'patient',
  subjectId: '44444444-4444-4444-4444-444444444444',
  requestId: 'req-12345678',
  clientIp: '127.0.0.1/32',
  details: '{}',
};
const FIRST_HASH = '10f05fdbcf44332641384753b097a52024aec16a934fc88ee560893cc625dccf';

const second = {
  ...first,
  seq: '2',
  occurredAt: '2026-12-04T05:45:09.809876Z',
  action: 'auth.signed_in',
  subjectType: null,
  subjectId: null,
  requestId: null,
  clientIp: null,
  details: '{"a": "x\\ny", "b": 1}',
};
const SECOND_HASH = 'ba83ec439c02d323cdd64da7c7d34b54cb7aaf0752c7c631c8c12ec22c08e8fb';

describe('the audit hash chain', () => {
  it('computes the hashes PostgreSQL computed', () => {
    const firstHash = auditEventHash(AUDIT_GENESIS_HASH, first);

    expect(firstHash.toString('hex')).toBe(FIRST_HASH);
    expect(auditEventHash(firstHash, second).toString('hex')).toBe(SECOND_HASH);
  });

  it('writes an absent value as an empty line, so fields cannot shift into each other', () => {
    expect(canonicalAuditContent(second).split('\n')).toEqual([
      'ivks-audit-v1',
      first.clinicId,
      '2',
      second.occurredAt,
      first.actorUserId,
      'clinician',
      'auth.signed_in',
      '',
      '',
      '',
      '',
      second.details,
    ]);
  });

  it('changes with any field and with the previous hash', () => {
    const base = auditEventHash(AUDIT_GENESIS_HASH, first).toString('hex');

    expect(
      auditEventHash(AUDIT_GENESIS_HASH, { ...first, details: '{"x": 1}' }).toString('hex'),
    ).not.toBe(base);
    expect(
      auditEventHash(AUDIT_GENESIS_HASH, { ...first, actorRole: 'admin' }).toString('hex'),
    ).not.toBe(base);
    expect(auditEventHash(Buffer.alloc(32, 1), first).toString('hex')).not.toBe(base);
  });
});
