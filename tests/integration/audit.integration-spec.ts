import { randomUUID } from 'node:crypto';
import type { ApiError, AuditEvent, AuditEventPage } from '@ivks/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditTrail, type TenantScope, TenantTransactions, verifyAuditChains } from '@ivks/server';
import type { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient, PASSWORD } from './support/fixtures';

interface StoredEvent {
  seq: number;
  action: string;
  actor_user_id: string | null;
  actor_role: string | null;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  details: Record<string, unknown>;
  everything: string;
}

const sleep = (ms: number) => new Promise((settle) => setTimeout(settle, ms));

describe('the audit trail', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let tenants: TenantTransactions;
  let audit: AuditTrail;
  let alder: FixtureClinic;
  let birch: FixtureClinic;

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder', 2);
    birch = await createClinic(owner, 'Birch', 1);
    app = await startApi();
    tenants = app.get(TenantTransactions);
    audit = app.get(AuditTrail);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  /** A clinic's events as they are stored, read as the owner role. */
  async function storedEvents(clinicId: string): Promise<StoredEvent[]> {
    const { rows } = await owner.query<StoredEvent>(
      `SELECT seq::int, action, actor_user_id, actor_role, subject_type, subject_id, request_id,
              host(client_ip) AS client_ip, details, row_to_json(e)::text AS everything
       FROM audit_events e WHERE clinic_id = $1 ORDER BY seq`,
      [clinicId],
    );

    return rows;
  }

  async function eventually<T>(read: () => Promise<T[]>, count: number): Promise<T[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const rows = await read();
      if (rows.length >= count || Date.now() > deadline) {
        return rows;
      }
      await sleep(25);
    }
  }

  async function chainOf(clinicId: string) {
    const result = await verifyAuditChains(owner, 7);

    return result.clinics.find((clinic) => clinic.clinicId === clinicId);
  }

  /** Changes history as only the owner can, by switching off the append-only guard first. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    await owner.query('BEGIN');
    try {
      await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await owner.query(sql, params);
      await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await owner.query('COMMIT');
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  }

  /** Removes a clinic's whole trail, so that a tampered chain does not outlive its test. */
  async function forget(clinic: FixtureClinic): Promise<void> {
    await tamper('DELETE FROM audit_events WHERE clinic_id = $1', [clinic.id]);
    await owner.query('DELETE FROM audit_chain_heads WHERE clinic_id = $1', [clinic.id]);
  }

  const systemScope = (clinic: FixtureClinic): TenantScope => ({
    clinicId: clinic.id,
    userId: null,
    role: 'system',
  });

  async function clinicWithEvents(label: string, count: number): Promise<FixtureClinic> {
    const clinic = await createClinic(owner, label, 1);
    for (let index = 0; index < count; index += 1) {
      await audit.recordIn(systemScope(clinic), {
        action: 'auth.sessions_revoked',
        subject: { type: 'user', id: clinic.clinician.userId },
        actor: { userId: null, role: 'system' },
        details: { reason: 'refresh_token_reused' },
      });
    }

    return clinic;
  }

  describe('events', () => {
    it('records a sign-in with its request id, actor, role and address, and nothing secret', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'x-request-id': 'audit-sign-in-0001' },
        payload: { email: alder.clinician.email, password: PASSWORD },
      });
      const cookie = response.cookies.find((candidate) => candidate.name === 'ivks_refresh');

      expect(response.statusCode).toBe(200);
      const [event] = (await storedEvents(alder.id)).filter(
        (row) => row.request_id === 'audit-sign-in-0001',
      );
      expect(event).toMatchObject({
        action: 'auth.signed_in',
        actor_user_id: alder.clinician.userId,
        actor_role: 'clinician',
        subject_type: 'user',
        subject_id: alder.clinician.userId,
        client_ip: '127.0.0.1',
        details: {},
      });
      for (const secret of [
        PASSWORD,
        alder.clinician.email,
        response.json<{ accessToken: string }>().accessToken,
        cookie?.value.split('.')[3] ?? 'no cookie',
      ]) {
        expect(event?.everything).not.toContain(secret);
      }
    });

    it('records a failed sign-in of a real account in every clinic it belongs to', async () => {
      const userId = randomUUID();
      const email = `two.clinics.${userId}@test.example`;
      await owner.query(
        'INSERT INTO users (id, email, password_hash) SELECT $1, $2, password_hash FROM users WHERE id = $3',
        [userId, email, alder.clinician.userId],
      );
      for (const clinic of [alder, birch]) {
        await owner.query(
          `INSERT INTO memberships (clinic_id, id, user_id, role, display_name)
           VALUES ($1, gen_random_uuid(), $2, 'clinician', 'Two clinics')`,
          [clinic.id, userId],
        );
      }
      const failed = (clinic: FixtureClinic) => async () =>
        (await storedEvents(clinic.id)).filter(
          (row) => row.action === 'auth.sign_in_failed' && row.subject_id === userId,
        );

      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: 'a wrong password' },
      });

      expect(response.statusCode).toBe(401);
      for (const clinic of [alder, birch]) {
        const events = await eventually(failed(clinic), 1);
        expect(events).toEqual([
          expect.objectContaining({
            actor_user_id: null,
            actor_role: null,
            subject_type: 'user',
            details: { reason: 'wrong_password' },
          }),
        ]);
        expect(events[0]?.everything).not.toContain('a wrong password');
      }
    });

    it('records a member of staff reading a patient, and no read that found nobody', async () => {
      const token = await signIn(app, alder.clinician.email);
      const patientId = alder.patientIds[1] ?? '';
      const nobody = randomUUID();

      const read = await app.inject({
        method: 'GET',
        url: `/api/v1/patients/${patientId}`,
        headers: { ...bearer(token), 'x-request-id': 'audit-patient-read-1' },
      });
      const missing = await app.inject({
        method: 'GET',
        url: `/api/v1/patients/${nobody}`,
        headers: bearer(token),
      });

      expect(read.statusCode).toBe(200);
      expect(missing.statusCode).toBe(404);
      const events = await storedEvents(alder.id);
      expect(events.filter((row) => row.subject_id === patientId)).toEqual([
        expect.objectContaining({
          action: 'patient.viewed',
          actor_user_id: alder.clinician.userId,
          actor_role: 'clinician',
          subject_type: 'patient',
          request_id: 'audit-patient-read-1',
          details: {},
        }),
      ]);
      expect(events.filter((row) => row.subject_id === nobody)).toEqual([]);
    });

    it('keeps the record of a read in the read’s transaction', async () => {
      const scope = { clinicId: alder.id, userId: alder.owner.userId, role: 'owner' as const };
      const before = (await storedEvents(alder.id)).length;

      await expect(
        tenants.run(scope, async () => {
          await audit.record({
            action: 'patient.viewed',
            subject: { type: 'patient', id: alder.patientIds[0] ?? '' },
            details: {},
          });
          throw new Error('the read failed after it was recorded');
        }),
      ).rejects.toThrow('the read failed');

      expect(await storedEvents(alder.id)).toHaveLength(before);
    });

    it('records a sign-out, and the revocation of a sign-in whose spent token came back', async () => {
      const cookieOf = (response: { cookies: { name: string; value: string }[] }) =>
        response.cookies.find((candidate) => candidate.name === 'ivks_refresh')?.value ?? '';
      const signInAs = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: birch.owner.email, password: PASSWORD },
        });
      const refresh = (cookie: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          cookies: { ivks_refresh: cookie },
        });

      const leaving = cookieOf(await signInAs());
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        cookies: { ivks_refresh: leaving },
      });
      const spent = cookieOf(await signInAs());
      await refresh(spent);
      await owner.query(
        `UPDATE sessions SET rotated_at = now() - interval '1 minute' WHERE id = $1`,
        [spent.split('.')[2]],
      );
      const replay = await refresh(spent);

      expect(replay.statusCode).toBe(401);
      const events = (await storedEvents(birch.id)).filter((row) =>
        ['auth.signed_out', 'auth.sessions_revoked'].includes(row.action),
      );
      expect(events).toEqual([
        expect.objectContaining({
          action: 'auth.signed_out',
          actor_user_id: birch.owner.userId,
          actor_role: 'owner',
          subject_id: birch.owner.userId,
        }),
        expect.objectContaining({
          action: 'auth.sessions_revoked',
          actor_user_id: null,
          actor_role: 'system',
          subject_id: birch.owner.userId,
          details: { reason: 'refresh_token_reused' },
        }),
      ]);
    });
  });

  describe('append-only', () => {
    const asOwnerOf = (clinic: FixtureClinic): TenantScope => ({
      clinicId: clinic.id,
      userId: clinic.owner.userId,
      role: 'owner',
    });

    it('lets the application role neither change nor remove an event, nor touch the heads', async () => {
      await audit.recordIn(asOwnerOf(alder), {
        action: 'patient.viewed',
        subject: { type: 'patient', id: alder.patientIds[0] ?? '' },
        details: {},
      });

      for (const statement of [
        `UPDATE audit_events SET details = '{"edited": true}' WHERE clinic_id = $1`,
        'DELETE FROM audit_events WHERE clinic_id = $1',
        'UPDATE audit_chain_heads SET last_seq = 0 WHERE clinic_id = $1',
        'DELETE FROM audit_chain_heads WHERE clinic_id = $1',
      ]) {
        await expect(
          tenants.run(asOwnerOf(alder), (manager) => manager.query(statement, [alder.id])),
        ).rejects.toThrow(/permission denied/);
      }
      await expect(
        tenants.run(asOwnerOf(alder), (manager) => manager.query('TRUNCATE audit_events')),
      ).rejects.toThrow(/permission denied/);
    });

    it('keeps even the owner role from changing an event by accident', async () => {
      await expect(
        owner.query(`UPDATE audit_events SET details = '{}' WHERE clinic_id = $1`, [alder.id]),
      ).rejects.toThrow(/never changed or removed/);
    });

    it('refuses an event recorded in the name of another user or role', async () => {
      const scope = {
        clinicId: alder.id,
        userId: alder.clinician.userId,
        role: 'clinician' as const,
      };

      await expect(
        audit.recordIn(scope, {
          action: 'patient.viewed',
          subject: { type: 'patient', id: alder.patientIds[0] ?? '' },
          actor: { userId: alder.owner.userId, role: 'clinician' },
          details: {},
        }),
      ).rejects.toThrow(/row-level security/);
      await expect(
        audit.recordIn(scope, {
          action: 'patient.viewed',
          subject: { type: 'patient', id: alder.patientIds[0] ?? '' },
          actor: { userId: alder.clinician.userId, role: 'owner' },
          details: {},
        }),
      ).rejects.toThrow(/row-level security/);
    });

    it('lets a patient and the portal add events, and only owners and admins read them', async () => {
      const patient = {
        clinicId: alder.id,
        userId: alder.patientUser.userId,
        role: 'patient' as const,
      };
      const clinician = { ...patient, userId: alder.clinician.userId, role: 'clinician' as const };
      const count = (scope: TenantScope) =>
        tenants.run(scope, async (manager) => {
          const [row] = await manager.query<{ count: number }[]>(
            'SELECT count(*)::int AS count FROM audit_events',
          );

          return row?.count;
        });

      await audit.recordIn(patient, {
        action: 'auth.signed_in',
        subject: { type: 'user', id: alder.patientUser.userId },
        details: {},
      });
      await audit.recordIn(systemScope(alder), {
        action: 'auth.sessions_revoked',
        subject: { type: 'user', id: alder.patientUser.userId },
        details: { reason: 'refresh_token_reused' },
      });

      expect(await count(patient)).toBe(0);
      expect(await count(clinician)).toBe(0);
      expect(await count(systemScope(alder))).toBe(0);
      expect(await count(asOwnerOf(alder))).toBe((await storedEvents(alder.id)).length);
      expect(await count(asOwnerOf(birch))).toBe((await storedEvents(birch.id)).length);
    });
  });

  describe('the hash chain', () => {
    it('numbers 20 concurrent events of one clinic 1 to 20 in a valid chain', async () => {
      const clinic = await createClinic(owner, 'Concurrent', 1);

      await Promise.all(
        Array.from({ length: 20 }, () =>
          audit.recordIn(systemScope(clinic), {
            action: 'auth.sessions_revoked',
            subject: { type: 'user', id: clinic.clinician.userId },
            details: { reason: 'refresh_token_reused' },
          }),
        ),
      );

      expect((await storedEvents(clinic.id)).map((row) => row.seq)).toEqual(
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
      expect(await chainOf(clinic.id)).toMatchObject({ events: 20, firstBreak: null });
    });

    it('holds for the events the API itself wrote', async () => {
      expect(await chainOf(alder.id)).toMatchObject({ firstBreak: null });
      expect(await chainOf(birch.id)).toMatchObject({ firstBreak: null });
    });

    it('finds an event whose details were changed by hand', async () => {
      const clinic = await clinicWithEvents('Changed', 5);

      await tamper(
        `UPDATE audit_events SET details = '{"reason": "nothing happened"}'
         WHERE clinic_id = $1 AND seq = 3`,
        [clinic.id],
      );

      expect((await chainOf(clinic.id))?.firstBreak).toEqual({
        seq: 3,
        problem: expect.stringMatching(/content/) as string,
      });
      await forget(clinic);
    });

    it('finds a removed event in the middle', async () => {
      const clinic = await clinicWithEvents('Gap', 5);

      await tamper('DELETE FROM audit_events WHERE clinic_id = $1 AND seq = 3', [clinic.id]);

      expect((await chainOf(clinic.id))?.firstBreak).toEqual({
        seq: 3,
        problem: expect.stringMatching(/missing/) as string,
      });
      await forget(clinic);
    });

    it('finds a removed last event', async () => {
      const clinic = await clinicWithEvents('Shortened', 5);

      await tamper('DELETE FROM audit_events WHERE clinic_id = $1 AND seq = 5', [clinic.id]);

      expect((await chainOf(clinic.id))?.firstBreak).toEqual({
        seq: 5,
        problem: expect.stringMatching(/head says 5/) as string,
      });
      await forget(clinic);
    });

    it('finds an event inserted outside the chain', async () => {
      const clinic = await clinicWithEvents('Inserted', 2);

      await owner.query('BEGIN');
      await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_chain');
      await owner.query(
        `INSERT INTO audit_events (clinic_id, seq, occurred_at, action, details, prev_hash, hash)
         SELECT clinic_id, 3, now(), 'patient.viewed', '{}', hash, sha256(hash)
         FROM audit_events WHERE clinic_id = $1 AND seq = 2`,
        [clinic.id],
      );
      await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_chain');
      await owner.query('COMMIT');

      expect((await chainOf(clinic.id))?.firstBreak?.seq).toBe(3);
      await forget(clinic);
    });
  });

  describe('GET /api/v1/audit-events', () => {
    let dogwood: FixtureClinic;
    let ownerToken: string;
    let between: string;

    const list = (query: string, token = ownerToken) =>
      app.inject({ method: 'GET', url: `/api/v1/audit-events?${query}`, headers: bearer(token) });

    beforeAll(async () => {
      dogwood = await createClinic(owner, 'Dogwood', 2);
      ownerToken = await signIn(app, dogwood.owner.email);
      const clinicianToken = await signIn(app, dogwood.clinician.email);
      await sleep(50);
      between = new Date().toISOString();
      await sleep(50);
      for (const [token, patientId] of [
        [clinicianToken, dogwood.patientIds[0]],
        [clinicianToken, dogwood.patientIds[1]],
        [ownerToken, dogwood.patientIds[0]],
      ]) {
        const read = await app.inject({
          method: 'GET',
          url: `/api/v1/patients/${patientId}`,
          headers: bearer(token ?? ''),
        });
        expect(read.statusCode).toBe(200);
      }
    });

    it('is documented with its query parameters and response schema', async () => {
      const document = (await app.inject({ method: 'GET', url: '/api/docs-json' })).json<{
        paths: Record<
          string,
          Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>
        >;
      }>();
      const operation = document.paths['/api/v1/audit-events']?.get;

      expect(operation?.parameters?.map((parameter) => parameter.name).sort()).toEqual(
        ['action', 'actorUserId', 'from', 'page', 'perPage', 'subjectId', 'to'].sort(),
      );
      expect(operation?.responses['200']).toMatchObject({
        content: { 'application/json': { schema: { $ref: expect.any(String) as string } } },
      });
    });

    it('pages the clinic’s events newest first, with names, and counts them', async () => {
      const response = await list('');
      const page = response.json<AuditEventPage>();

      expect(response.statusCode).toBe(200);
      expect(page.total).toBe(5);
      expect(response.headers['x-total-count']).toBe('5');
      expect(page.data.map((event) => event.seq)).toEqual([5, 4, 3, 2, 1]);
      expect(page.data[0]).toMatchObject<Partial<AuditEvent>>({
        action: 'patient.viewed',
        actorUserId: dogwood.owner.userId,
        actorRole: 'owner',
        actorName: 'Dogwood owner',
        subjectType: 'patient',
        subjectId: dogwood.patientIds[0],
        subjectName: expect.stringContaining('Patient0') as string,
        clientIp: '127.0.0.1',
      });

      const second = (await list('perPage=2&page=2')).json<AuditEventPage>();
      expect({ seqs: second.data.map((event) => event.seq), total: second.total }).toEqual({
        seqs: [3, 2],
        total: 5,
      });
      expect((await list('perPage=2&page=9')).json<AuditEventPage>()).toEqual({
        data: [],
        total: 5,
      });
    });

    it.each([
      ['action=patient.viewed', [5, 4, 3]],
      ['action=auth.signed_in', [2, 1]],
      ['actorUserId={clinician}', [4, 3, 2]],
      ['subjectId={patient0}', [5, 3]],
      ['from={between}', [5, 4, 3]],
      ['to={between}', [2, 1]],
      ['action=patient.viewed&actorUserId={owner}', [5]],
      ['from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00%2B01:00', []],
    ])('filters by %s', async (query, seqs) => {
      const filled = query
        .replace('{clinician}', dogwood.clinician.userId)
        .replace('{owner}', dogwood.owner.userId)
        .replace('{patient0}', dogwood.patientIds[0] ?? '')
        .replace('{between}', encodeURIComponent(between));
      const page = (await list(filled)).json<AuditEventPage>();

      expect({ seqs: page.data.map((event) => event.seq), total: page.total }).toEqual({
        seqs,
        total: seqs.length,
      });
    });

    it.each([
      ['perPage=1000', 'perPage'],
      ['page=0', 'page'],
      ['page=two', 'page'],
      ['action=patient.deleted', 'action'],
      ['actorUserId=someone', 'actorUserId'],
      ['subjectId=42', 'subjectId'],
      ['from=yesterday', 'from'],
      ['to=2031-03-04T07:45:00', 'to'],
      ['from=2031-03-05T00:00:00Z&to=2031-03-04T00:00:00Z', 'to'],
      ['clinicId=abc', 'clinicId'],
    ])('refuses %s naming %s', async (query, field) => {
      const response = await list(query);

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>()).toMatchObject({
        code: 'validation_failed',
        fields: { [field]: expect.any(Array) as unknown },
      });
    });

    it('is not for clinicians or patients', async () => {
      for (const email of [dogwood.clinician.email, dogwood.patientUser.email]) {
        const response = await list('', await signIn(app, email));

        expect(response.statusCode).toBe(403);
        expect(response.json<ApiError>().code).toBe('forbidden');
      }
    });

    it('shows another clinic none of this clinic’s events', async () => {
      const response = await list('perPage=100', await signIn(app, birch.owner.email));
      const page = response.json<AuditEventPage>();

      expect(response.statusCode).toBe(200);
      expect(page.total).toBe((await storedEvents(birch.id)).length);
      for (const secret of [dogwood.id, dogwood.owner.userId, ...dogwood.patientIds]) {
        expect(response.body).not.toContain(secret);
      }
    });
  });
});
