import { AUDIT_GENESIS_HASH, type AuditChainFields, auditEventHash } from './audit-chain';
import { type AuditChainRow, checkClinicChain } from './verify-audit-chain';

const CLINIC = '11111111-1111-1111-1111-111111111111';

function fieldsOf(seq: number, details = '{}'): AuditChainFields {
  return {
    clinicId: CLINIC,
    seq: String(seq),
    occurredAt: `2026-12-04T05:45:0${seq}.000000Z`,
    actorUserId: null,
    actorRole: 'system',
    action: 'patient.viewed',
    subjectType: null,
    subjectId: null,
    requestId: null,
    clientIp: null,
    details,
  };
}

/** A chain of `length` events, linked as the trigger links them. */
function chain(length: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  let previous: Buffer = AUDIT_GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const fields = fieldsOf(seq);
    const hash = auditEventHash(previous, fields);
    rows.push({ ...fields, prevHash: previous, hash });
    previous = hash;
  }

  return rows;
}

const headOf = (rows: AuditChainRow[]) => ({
  lastSeq: rows.length,
  lastHash: rows.at(-1)?.hash ?? AUDIT_GENESIS_HASH,
});

describe('checkClinicChain', () => {
  it('accepts an intact chain', async () => {
    const rows = chain(4);

    await expect(checkClinicChain(rows, headOf(rows))).resolves.toEqual({
      events: 4,
      firstBreak: null,
    });
  });

  it('finds an event whose content was changed', async () => {
    const rows = chain(4);
    const head = headOf(rows);
    const second = rows[1] as AuditChainRow;
    rows[1] = { ...second, details: '{"reason": "edited"}' };

    const result = await checkClinicChain(rows, head);

    expect(result.firstBreak).toEqual({
      seq: 2,
      problem: expect.stringMatching(/content/) as string,
    });
  });

  it('finds an event that was changed and given a new hash, by the link of the next one', async () => {
    const rows = chain(4);
    const head = headOf(rows);
    const second = rows[1] as AuditChainRow;
    const edited = fieldsOf(2, '{"reason": "edited"}');
    rows[1] = { ...second, ...edited, hash: auditEventHash(second.prevHash, edited) };

    const result = await checkClinicChain(rows, head);

    expect(result.firstBreak).toEqual({
      seq: 3,
      problem: expect.stringMatching(/follow/) as string,
    });
  });

  it('finds a removed event in the middle', async () => {
    const rows = chain(4);
    const head = headOf(rows);

    const result = await checkClinicChain([...rows.slice(0, 2), ...rows.slice(3)], head);

    expect(result.firstBreak).toEqual({
      seq: 3,
      problem: expect.stringMatching(/missing/) as string,
    });
  });

  it('finds a removed last event by the head', async () => {
    const rows = chain(4);

    const result = await checkClinicChain(rows.slice(0, 3), headOf(rows));

    expect(result.firstBreak).toEqual({
      seq: 4,
      problem: expect.stringMatching(/head says 4/) as string,
    });
  });

  it('finds an event added after the head, even with a hash that follows', async () => {
    const rows = chain(5);

    const result = await checkClinicChain(rows, headOf(rows.slice(0, 4)));

    expect(result.firstBreak).toEqual({
      seq: 5,
      problem: expect.stringMatching(/outside/) as string,
    });
  });

  it('finds events with no head', async () => {
    const result = await checkClinicChain(chain(1), null);

    expect(result.firstBreak?.seq).toBe(1);
  });
});
