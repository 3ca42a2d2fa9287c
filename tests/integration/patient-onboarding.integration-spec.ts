import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiError,
  PatientDetail,
  PatientInvitationView,
  PatientSummary,
} from '@ivks/contracts';
import { EMAIL_JOBS, type EmailJob } from '@ivks/server';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { RateLimits } from '../../apps/api/src/common/rate-limit';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient, PASSWORD } from './support/fixtures';

const NEW_PASSWORD = 'a quiet harbour at dawn';

describe('enrolling a patient, their invitation, discharge and the care-team rule', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let clinic: FixtureClinic;
  let emails: Queue<EmailJob>;
  let tokens: { owner: string; clinician: string; outsider: string };
  /** A second clinician of the clinic, on no care team until a test puts them on one. */
  let outsider: { userId: string; membershipId: string; email: string };

  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner, 'Rowan', 1);
    outsider = {
      userId: randomUUID(),
      membershipId: randomUUID(),
      email: `outsider.${clinic.id.slice(0, 8)}@test.example`,
    };
    await owner.query(
      `INSERT INTO users (id, email, password_hash)
       SELECT $1, $2, password_hash FROM users WHERE id = $3`,
      [outsider.userId, outsider.email, clinic.clinician.userId],
    );
    await owner.query(
      `INSERT INTO memberships (clinic_id, id, user_id, role, display_name)
       VALUES ($1, $2, $3, 'clinician', 'Outside clinician')`,
      [clinic.id, outsider.membershipId, outsider.userId],
    );
    app = await startApi();
    await app.get(RateLimits).clearAll();
    emails = app.get<Queue<EmailJob>>(EMAIL_JOBS);
    tokens = {
      owner: await signIn(app, clinic.owner.email),
      clinician: await signIn(app, clinic.clinician.email),
      outsider: await signIn(app, outsider.email),
    };
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      ...(token && { headers: bearer(token) }),
      ...(payload && { payload }),
    });

  let serial = 0;
  const enrol = async (token = tokens.clinician, extra: object = {}) => {
    serial += 1;
    const email = `new.${serial}.${randomUUID().slice(0, 8)}@test.example`;
    const response = await call('POST', '/patients', token, {
      givenName: 'Robin',
      familyName: `Newcomer${serial}`,
      email,
      timeZone: 'Europe/London',
      ...extra,
    });
    expect(response.statusCode).toBe(201);

    return { ...response.json<PatientDetail>(), email };
  };

  /** The token of the newest invitation emailed to `email`, read from the queued email job. */
  const invitationToken = async (email: string) => {
    const { rows } = await owner.query<{ id: string }>(
      `SELECT id FROM email_deliveries WHERE recipient = $1 AND kind = 'patient_invitation'
       ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    const job = rows[0] ? await emails.getJob(rows[0].id) : undefined;
    if (!job) {
      throw new Error(`no invitation email was queued for ${email}`);
    }
    expect(job.data.text).not.toMatch(/infusion|ketamine treatment|journal/i);
    const link = /https?:\/\/\S+\/accept#token=(\S+)/.exec(job.data.text);
    if (!link?.[1]) {
      throw new Error('the invitation email has no link');
    }

    return decodeURIComponent(link[1]);
  };

  const invitationCount = async (email: string) => {
    const { rows } = await owner.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM email_deliveries
       WHERE recipient = $1 AND kind = 'patient_invitation'`,
      [email],
    );

    return rows[0]?.count ?? 0;
  };

  const auditActions = async (patientId: string) => {
    const { rows } = await owner.query<{ action: string }>(
      'SELECT action FROM audit_events WHERE clinic_id = $1 AND subject_id = $2 ORDER BY seq',
      [clinic.id, patientId],
    );

    return rows.map((row) => row.action);
  };

  /** Patient ids a clinician's own database session returns, as ivks_app under their settings. */
  const patientIdsSeenInDatabaseBy = async (userId: string) => {
    const asApp = new Client({ connectionString: process.env.DATABASE_URL });
    await asApp.connect();
    try {
      await asApp.query('BEGIN');
      await asApp.query(
        `SELECT set_config('app.clinic_id', $1, true), set_config('app.user_id', $2, true),
                set_config('app.role', 'clinician', true)`,
        [clinic.id, userId],
      );
      const seen: Record<string, string[]> = {};
      for (const table of [
        'patients',
        'infusions',
        'assignments',
        'care_team_members',
        'patient_invitations',
        'infusion_readiness',
      ]) {
        const column = table === 'patients' ? 'id' : 'patient_id';
        const { rows } = await asApp.query<{ id: string }>(
          `SELECT DISTINCT ${column} AS id FROM ${table}`,
        );
        seen[table] = rows.map((row) => row.id);
      }
      await asApp.query('ROLLBACK');

      return seen;
    } finally {
      await asApp.end();
    }
  };

  describe('enrolment and the invitation', () => {
    it('queues an invitation whose link sets up an account the patient signs in with', async () => {
      const patient = await enrol();
      expect(patient.status).toBe('invited');
      expect(patient.invitationSentAt).toEqual(expect.any(String));
      const token = await invitationToken(patient.email);

      const view = await call('GET', `/patient-invitations/${encodeURIComponent(token)}`);
      expect(view.statusCode).toBe(200);
      expect(view.json()).toEqual({
        status: 'pending',
        clinicName: clinic.name,
        givenName: 'Robin',
      });

      const accepted = await call('POST', '/patient-invitations/accept', undefined, {
        token,
        password: NEW_PASSWORD,
      });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toEqual({ email: patient.email, clinicId: clinic.id });

      const session = await signIn(app, patient.email, NEW_PASSWORD);
      const today = await call('GET', '/me', session);
      expect(today.json()).toMatchObject({ role: 'patient', patientId: patient.id });
      const after = await call('GET', `/patients/${patient.id}`, tokens.clinician);
      expect(after.json<PatientDetail>().status).toBe('active');
      expect(await auditActions(patient.id)).toEqual(
        expect.arrayContaining(['patient.invitation_sent', 'patient.invitation_accepted']),
      );
    });

    it('puts the enrolling clinician on the care team, with the others chosen', async () => {
      const patient = await enrol(tokens.clinician, {
        careTeam: [clinic.clinician.membershipId, outsider.membershipId],
      });
      const team = await call('GET', `/patients/${patient.id}/care-team`, tokens.outsider);
      expect(team.statusCode).toBe(200);
      expect(
        team
          .json<{ members: { membershipId: string }[] }>()
          .members.map((member) => member.membershipId)
          .sort(),
      ).toEqual([clinic.clinician.membershipId, outsider.membershipId].sort());
    });

    it('refuses a used link, and says so', async () => {
      const patient = await enrol();
      const token = await invitationToken(patient.email);
      const payload = { token, password: NEW_PASSWORD };
      expect(
        (await call('POST', '/patient-invitations/accept', undefined, payload)).statusCode,
      ).toBe(200);

      const again = await call('POST', '/patient-invitations/accept', undefined, payload);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'patient_invitation_accepted' });
      const view = await call('GET', `/patient-invitations/${encodeURIComponent(token)}`);
      expect(view.json<PatientInvitationView>().status).toBe('accepted');
      const resend = await call('POST', `/patients/${patient.id}/invitation`, tokens.clinician);
      expect(resend.statusCode).toBe(409);
      expect(resend.json()).toMatchObject({ code: 'patient_invitation_accepted' });
    });

    it('says an expired link has expired, and sends a fresh one that works', async () => {
      const patient = await enrol();
      const token = await invitationToken(patient.email);
      await owner.query(
        `UPDATE patient_invitations SET sent_at = now() - interval '8 days',
           expires_at = now() - interval '1 day'
         WHERE clinic_id = $1 AND patient_id = $2`,
        [clinic.id, patient.id],
      );

      const view = await call('GET', `/patient-invitations/${encodeURIComponent(token)}`);
      expect(view.json<PatientInvitationView>().status).toBe('expired');
      const refused = await call('POST', '/patient-invitations/accept', undefined, {
        token,
        password: NEW_PASSWORD,
      });
      expect(refused.statusCode).toBe(410);
      expect(refused.json()).toMatchObject({ code: 'patient_invitation_expired' });

      const fresh = await call('POST', '/patient-invitations/fresh', undefined, { token });
      expect(fresh.statusCode).toBe(202);
      const unknown = await call('POST', '/patient-invitations/fresh', undefined, {
        token: `${randomUUID()}.${'B'.repeat(43)}`,
      });
      expect(unknown.statusCode).toBe(202);
      expect(unknown.body).toBe(fresh.body);

      const freshToken = await invitationToken(patient.email);
      expect(freshToken).not.toBe(token);
      expect(await invitationCount(patient.email)).toBe(2);
      const accepted = await call('POST', '/patient-invitations/accept', undefined, {
        token: freshToken,
        password: NEW_PASSWORD,
      });
      expect(accepted.statusCode).toBe(200);
      expect(await signIn(app, patient.email, NEW_PASSWORD)).toEqual(expect.any(String));
    });

    it('sends at most five fresh links an hour for one invitation', async () => {
      const patient = await enrol();
      const first = await invitationToken(patient.email);
      await call('POST', `/patients/${patient.id}/invitation`, tokens.clinician);

      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const fresh = await call('POST', '/patient-invitations/fresh', undefined, { token: first });
        statuses.push(fresh.statusCode);
      }

      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      expect(await invitationCount(patient.email)).toBeLessThanOrEqual(7);
    });

    it('sends no fresh link for a live or an accepted one', async () => {
      const patient = await enrol();
      const token = await invitationToken(patient.email);

      expect(
        (await call('POST', '/patient-invitations/fresh', undefined, { token })).statusCode,
      ).toBe(202);
      expect(await invitationCount(patient.email)).toBe(1);
    });

    it('kills the old link when the invitation is sent again', async () => {
      const patient = await enrol();
      const first = await invitationToken(patient.email);

      const resent = await call('POST', `/patients/${patient.id}/invitation`, tokens.clinician);
      expect(resent.statusCode).toBe(201);
      expect(resent.json()).toEqual({
        sentAt: expect.any(String) as string,
        expiresAt: expect.any(String) as string,
      });
      const second = await invitationToken(patient.email);

      const view = await call('GET', `/patient-invitations/${encodeURIComponent(first)}`);
      expect(view.json<PatientInvitationView>().status).toBe('revoked');
      const refused = await call('POST', '/patient-invitations/accept', undefined, {
        token: first,
        password: NEW_PASSWORD,
      });
      expect(refused.statusCode).toBe(410);
      expect(refused.json()).toMatchObject({ code: 'patient_invitation_revoked' });
      expect(
        (
          await call('POST', '/patient-invitations/accept', undefined, {
            token: second,
            password: NEW_PASSWORD,
          })
        ).statusCode,
      ).toBe(200);
      expect(await auditActions(patient.id)).toContain('patient.invitation_resent');
    });

    it('links an email that already has an account only with its current password', async () => {
      const existing = clinic.owner.email.replace('owner', 'elsewhere');
      const { rows } = await owner.query<{ id: string }>(
        `INSERT INTO users (id, email, password_hash)
         SELECT gen_random_uuid(), $1, password_hash FROM users WHERE id = $2 RETURNING id`,
        [existing, clinic.owner.userId],
      );
      expect(rows).toHaveLength(1);
      const enrolled = await call('POST', '/patients', tokens.owner, {
        givenName: 'Kit',
        familyName: 'Returning',
        email: existing,
        timeZone: 'UTC',
        careTeam: [clinic.clinician.membershipId],
      });
      expect(enrolled.statusCode).toBe(201);
      const token = await invitationToken(existing);

      const wrong = await call('POST', '/patient-invitations/accept', undefined, {
        token,
        password: NEW_PASSWORD,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({
        code: 'current_password_wrong',
        fields: { password: [expect.any(String)] },
      });
      const right = await call('POST', '/patient-invitations/accept', undefined, {
        token,
        password: PASSWORD,
      });
      expect(right.statusCode).toBe(200);
      expect(await signIn(app, existing, PASSWORD)).toEqual(expect.any(String));
    });

    it('lists patients who have not accepted, with when they were last invited', async () => {
      const patient = await enrol();
      const list = await call('GET', '/patients?status=invited&perPage=100', tokens.clinician);
      const row = list.json<{ data: PatientSummary[] }>().data.find((p) => p.id === patient.id);
      expect(row).toMatchObject({
        status: 'invited',
        invitationSentAt: expect.any(String) as string,
      });
      expect(
        list.json<{ data: PatientSummary[] }>().data.every((p) => p.status === 'invited'),
      ).toBe(true);
    });
  });

  describe('discharge', () => {
    it('is in the record exactly when the record says when, as the database insists', async () => {
      const patientId = clinic.patientIds[0] ?? '';

      await expect(
        owner.query(`UPDATE patients SET status = 'discharged' WHERE id = $1`, [patientId]),
      ).rejects.toThrow(/patients_discharged_when/);
      await expect(
        owner.query(`UPDATE patients SET discharged_at = now() WHERE id = $1`, [patientId]),
      ).rejects.toThrow(/patients_discharged_when/);
    });

    it('keeps the record, withdraws open work and refuses new work with 409', async () => {
      const patientId = clinic.patientIds[0] ?? '';
      const infusionId = clinic.infusionIds[0] ?? '';

      const discharged = await call('POST', `/patients/${patientId}/discharge`, tokens.clinician);
      expect(discharged.statusCode).toBe(200);
      expect(discharged.json()).toMatchObject({
        status: 'discharged',
        dischargedAt: expect.any(String) as string,
      });
      const record = await call('GET', `/patients/${patientId}`, tokens.clinician);
      expect(record.statusCode).toBe(200);
      expect(record.json<PatientDetail>().infusions).toHaveLength(2);
      const { rows } = await owner.query<{ status: string }>(
        'SELECT status FROM assignments WHERE clinic_id = $1 AND patient_id = $2',
        [clinic.id, patientId],
      );
      expect(rows.map((row) => row.status)).toEqual(['withdrawn']);

      const refusals = [
        await call('POST', `/patients/${patientId}/infusions`, tokens.clinician, {
          scheduledAt: '2032-05-06T09:00:00Z',
        }),
        await call('POST', `/patients/${patientId}/pathways`, tokens.clinician, {
          pathwayId: clinic.pathwayIds[0],
        }),
        await call('POST', `/patients/${patientId}/assignments`, tokens.clinician, {
          contentSlug: 'box-breathing',
          dueAt: '2032-05-06T09:00:00Z',
          infusionId,
        }),
        await call('POST', `/patients/${patientId}/discharge`, tokens.clinician),
      ];
      for (const refusal of refusals) {
        expect(refusal.statusCode).toBe(409);
        expect(refusal.json()).toMatchObject({
          code: 'patient_discharged',
          message: expect.stringContaining('discharged') as string,
        });
      }
      expect(await auditActions(patientId)).toContain('patient.discharged');

      const readmitted = await call('POST', `/patients/${patientId}/readmit`, tokens.clinician);
      expect(readmitted.statusCode).toBe(200);
      expect(readmitted.json()).toMatchObject({ status: 'active', dischargedAt: null });
      const again = await call('POST', `/patients/${patientId}/readmit`, tokens.clinician);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'patient_not_discharged' });
    });

    it('ends a pending invitation, which then offers no fresh link', async () => {
      const patient = await enrol();
      const token = await invitationToken(patient.email);
      await call('POST', `/patients/${patient.id}/discharge`, tokens.clinician);

      const view = await call('GET', `/patient-invitations/${encodeURIComponent(token)}`);
      expect(view.json<PatientInvitationView>().status).toBe('revoked');
      await call('POST', '/patient-invitations/fresh', undefined, { token });
      expect(await invitationCount(patient.email)).toBe(1);
      const resend = await call('POST', `/patients/${patient.id}/invitation`, tokens.owner);
      expect(resend.statusCode).toBe(409);
    });
  });

  describe('the care-team rule', () => {
    it('hides a patient from a clinician not on their care team, in the API and the database', async () => {
      const patient = await enrol();

      expect((await call('GET', `/patients/${patient.id}`, tokens.outsider)).statusCode).toBe(404);
      for (const path of ['care-team', 'invitation', 'discharge']) {
        const method = path === 'care-team' ? 'GET' : 'POST';
        const response = await call(method, `/patients/${patient.id}/${path}`, tokens.outsider);
        expect({ path, status: response.statusCode }).toEqual({ path, status: 404 });
      }
      const list = await call('GET', '/patients?perPage=100', tokens.outsider);
      expect(list.json<{ data: PatientSummary[] }>().data.map((p) => p.id)).not.toContain(
        patient.id,
      );
      const seen = await patientIdsSeenInDatabaseBy(outsider.userId);
      for (const ids of Object.values(seen)) {
        expect(ids).not.toContain(patient.id);
      }
      const ownerView = await call('GET', `/patients/${patient.id}`, tokens.owner);
      expect(ownerView.statusCode).toBe(200);

      const team = await call('PUT', `/patients/${patient.id}/care-team`, tokens.owner, {
        membershipIds: [clinic.clinician.membershipId, outsider.membershipId],
      });
      expect(team.statusCode).toBe(200);
      expect((await call('GET', `/patients/${patient.id}`, tokens.outsider)).statusCode).toBe(200);
      const listed = await call('GET', '/patients?perPage=100', tokens.outsider);
      expect(listed.json<{ data: PatientSummary[] }>().data.map((p) => p.id)).toContain(patient.id);
      const seenNow = await patientIdsSeenInDatabaseBy(outsider.userId);
      expect(seenNow['patients']).toContain(patient.id);
      expect(seenNow['care_team_members']).toContain(patient.id);
      expect(seenNow['patient_invitations']).toContain(patient.id);
    });

    it('lets a clinician change a team they are on, but not leave it themselves', async () => {
      const patient = await enrol();
      const team = (membershipIds: string[], token: string) =>
        call('PUT', `/patients/${patient.id}/care-team`, token, { membershipIds });

      const leaving = await team([outsider.membershipId], tokens.clinician);
      expect(leaving.statusCode).toBe(400);
      expect(leaving.json()).toMatchObject({ fields: { membershipIds: [expect.any(String)] } });
      const joined = await team(
        [clinic.clinician.membershipId, outsider.membershipId],
        tokens.clinician,
      );
      expect(joined.statusCode).toBe(200);
      const removed = await team([outsider.membershipId], tokens.owner);
      expect(removed.statusCode).toBe(200);
      expect((await call('GET', `/patients/${patient.id}`, tokens.clinician)).statusCode).toBe(404);
      expect((await call('GET', `/patients/${patient.id}`, tokens.outsider)).statusCode).toBe(200);
    });

    it('refuses to enrol a member of staff’s address as a patient', async () => {
      const enrolment = await call('POST', '/patients', tokens.clinician, {
        givenName: 'Not',
        familyName: 'Patient',
        email: clinic.owner.email.toUpperCase(),
        timeZone: 'UTC',
      });

      expect(enrolment.statusCode).toBe(409);
      expect(enrolment.json<ApiError>()).toMatchObject({ code: 'patient_email_taken' });
      expect(enrolment.json<ApiError>().fields).toHaveProperty('email');
    });

    it('never leaves a patient without someone to read what they share', async () => {
      serial += 1;
      const enrolment = await call('POST', '/patients', tokens.owner, {
        givenName: 'Nobody',
        familyName: 'Reads',
        email: `unread.${serial}@test.example`,
        timeZone: 'UTC',
        careTeam: [],
      });
      expect(enrolment.statusCode).toBe(400);
      expect(enrolment.json<ApiError>().fields).toHaveProperty('careTeam');

      const patient = await enrol();
      const emptied = await call('PUT', `/patients/${patient.id}/care-team`, tokens.owner, {
        membershipIds: [],
      });
      expect(emptied.statusCode).toBe(400);
      expect(emptied.json<ApiError>().fields).toHaveProperty('membershipIds');
    });
  });

  describe('bad input', () => {
    it('names the field on every new endpoint', async () => {
      const patientId = clinic.patientIds[0] ?? '';
      const cases: {
        method: 'GET' | 'POST';
        url: string;
        token?: string;
        payload?: object;
        field: string;
      }[] = [
        {
          method: 'POST',
          url: '/patients',
          token: tokens.clinician,
          payload: {
            givenName: 'A',
            familyName: 'B',
            email: 'ab@test.example',
            timeZone: 'UTC',
            careTeam: ['not-an-id'],
          },
          field: 'careTeam',
        },
        {
          method: 'POST',
          url: '/patients',
          token: tokens.clinician,
          payload: {
            givenName: 'A',
            familyName: 'B',
            email: 'ab2@test.example',
            timeZone: 'UTC',
            careTeam: [outsider.membershipId],
          },
          field: 'careTeam',
        },
        {
          method: 'POST',
          url: '/patients',
          token: tokens.owner,
          payload: {
            givenName: 'A',
            familyName: 'B',
            email: 'ab3@test.example',
            timeZone: 'UTC',
            careTeam: [clinic.owner.membershipId],
          },
          field: 'careTeam',
        },
        {
          method: 'POST',
          url: '/patients/not-an-id/invitation',
          token: tokens.clinician,
          field: 'patient id',
        },
        {
          method: 'POST',
          url: '/patients/not-an-id/discharge',
          token: tokens.clinician,
          field: 'patient id',
        },
        {
          method: 'POST',
          url: '/patients/not-an-id/readmit',
          token: tokens.clinician,
          field: 'patient id',
        },
        { method: 'GET', url: '/patient-invitations/nonsense', field: 'token' },
        {
          method: 'POST',
          url: '/patient-invitations/accept',
          payload: { token: `${randomUUID()}.${'C'.repeat(43)}`, password: 'short' },
          field: 'password',
        },
        {
          method: 'POST',
          url: '/patient-invitations/accept',
          payload: { token: 'nonsense', password: NEW_PASSWORD },
          field: 'token',
        },
        {
          method: 'POST',
          url: '/patient-invitations/accept',
          payload: { password: NEW_PASSWORD },
          field: 'token',
        },
        { method: 'POST', url: '/patient-invitations/fresh', payload: {}, field: 'token' },
        {
          method: 'POST',
          url: '/patient-invitations/fresh',
          payload: { token: 'x', extra: true },
          field: 'extra',
        },
      ];
      for (const { method, url, token, payload, field } of cases) {
        const response = await call(method, url, token, payload);
        expect({ url, field, status: response.statusCode }).toEqual({ url, field, status: 400 });
        expect({ url, message: response.json<{ message: string }>().message }).toEqual({
          url,
          message: expect.stringContaining(field) as string,
        });
      }
      const { rows } = await owner.query(
        `SELECT 1 FROM patients WHERE clinic_id = $1 AND email LIKE 'ab%@test.example'`,
        [clinic.id],
      );
      expect(rows).toHaveLength(0);
      expect((await call('GET', `/patients/${patientId}`, tokens.clinician)).statusCode).toBe(200);
    });

    it('answers 404 for a well-formed link that does not exist', async () => {
      const response = await call('GET', `/patient-invitations/${randomUUID()}.${'D'.repeat(43)}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'patient_invitation_not_found' });
    });
  });
});
