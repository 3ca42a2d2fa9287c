import type { ApiError, Page, PatientDetail, PatientSummary, TodayView } from '@ivks/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient, PASSWORD } from './support/fixtures';

describe('the API', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let alder: FixtureClinic;
  let birch: FixtureClinic;

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder', 7);
    birch = await createClinic(owner, 'Birch');
    app = await startApi();
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  describe('sign-in', () => {
    const post = (payload: unknown) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: payload as object });

    it('names the malformed field', async () => {
      const response = await post({ email: 'not an email', password: PASSWORD });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>()).toMatchObject({
        code: 'validation_failed',
        fields: { email: [expect.stringMatching(/email/)] },
      });
    });

    it('refuses unknown fields', async () => {
      const response = await post({
        email: alder.clinician.email,
        password: PASSWORD,
        role: 'owner',
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toHaveProperty('role');
    });

    it('refuses a body that is not JSON with a 400', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().message).toEqual(expect.any(String));
    });

    it('signs in with the email as people type it, spaces and capitals included', async () => {
      const response = await post({
        email: `  ${alder.clinician.email.toUpperCase()} `,
        password: PASSWORD,
      });

      expect(response.statusCode).toBe(200);
    });

    it('says only what kind of value a field must be when it is of the wrong kind', async () => {
      const response = await post({ email: alder.clinician.email, password: 12345 });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toEqual({ password: ['password must be a string'] });
    });

    it('answers a wrong password and an unknown email in the same words', async () => {
      const wrongPassword = await post({
        email: alder.clinician.email,
        password: 'not the password',
      });
      const unknownEmail = await post({
        email: 'nobody@test.example',
        password: 'not the password',
      });

      expect(wrongPassword.statusCode).toBe(401);
      expect(unknownEmail.statusCode).toBe(401);
      expect(wrongPassword.json()).toEqual(unknownEmail.json());
    });

    it('sets the refresh token only in an HttpOnly, Secure, SameSite cookie', async () => {
      const response = await post({ email: alder.clinician.email, password: PASSWORD });
      const cookie = String(response.headers['set-cookie']);

      expect(response.statusCode).toBe(200);
      expect(Object.keys(response.json<object>()).sort()).toEqual(['accessToken', 'expiresIn']);
      expect(cookie).toMatch(/ivks_refresh=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/SameSite=Strict/);
    });
  });

  describe('sessions', () => {
    const refresh = (cookie: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        cookies: { ivks_refresh: cookie },
      });

    async function refreshCookie(): Promise<string> {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: alder.clinician.email, password: PASSWORD },
      });
      const cookie = response.cookies.find((candidate) => candidate.name === 'ivks_refresh');

      return cookie?.value ?? '';
    }

    it('lets two tabs refresh with the same token at the same moment', async () => {
      const cookie = await refreshCookie();

      const [first, second] = await Promise.all([refresh(cookie), refresh(cookie)]);

      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    });

    it('revokes the whole family when a rotated token comes back later', async () => {
      const cookie = await refreshCookie();
      const rotated = await refresh(cookie);
      const next =
        rotated.cookies.find((candidate) => candidate.name === 'ivks_refresh')?.value ?? '';
      const sessionId = cookie.split('.')[2];
      await owner.query(
        `UPDATE sessions SET rotated_at = now() - interval '1 minute' WHERE id = $1`,
        [sessionId],
      );

      const replay = await refresh(cookie);
      const afterReplay = await refresh(next);

      expect(replay.statusCode).toBe(401);
      expect(afterReplay.statusCode).toBe(401);
    });

    it('refuses a forged or missing refresh cookie', async () => {
      const forged = await refresh(
        `${birch.id}.${alder.clinician.userId}.${birch.id}.${'a'.repeat(43)}`,
      );
      const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/refresh' });

      expect(forged.statusCode).toBe(401);
      expect(missing.statusCode).toBe(401);
    });

    it('ends the session on sign-out', async () => {
      const cookie = await refreshCookie();
      const signOut = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        cookies: { ivks_refresh: cookie },
      });

      expect(signOut.statusCode).toBe(204);
      expect((await refresh(cookie)).statusCode).toBe(401);
    });

    it('ends the session of the access token when sign-out gets no cookie', async () => {
      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: alder.clinician.email, password: PASSWORD },
      });
      const { accessToken } = signedIn.json<{ accessToken: string }>();
      const cookie = signedIn.cookies.find((candidate) => candidate.name === 'ivks_refresh');

      const signOut = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        headers: bearer(accessToken),
      });
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(accessToken),
      });

      expect(signOut.statusCode).toBe(204);
      expect(me.statusCode).toBe(401);
      expect((await refresh(cookie?.value ?? '')).statusCode).toBe(401);
    });

    it('takes the access token from the Authorization header only', async () => {
      const token = await signIn(app, alder.clinician.email);

      const inAddress = await app.inject({
        method: 'GET',
        url: `/api/v1/me?access_token=${token}`,
      });
      const inBody = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out-everywhere',
        payload: { access_token: token },
      });
      const inHeader = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(token),
      });

      expect(inAddress.statusCode).toBe(401);
      expect(inAddress.json<ApiError>().code).toBe('unauthenticated');
      expect(inBody.statusCode).toBe(401);
      expect(inHeader.statusCode).toBe(200);
    });
  });

  describe('across clinics', () => {
    it('answers 404 for another clinic’s patient and infusion, as if they did not exist', async () => {
      const token = await signIn(app, birch.clinician.email);

      for (const url of [
        `/api/v1/patients/${alder.patientIds[0]}`,
        `/api/v1/infusions/${alder.infusionIds[0]}`,
      ]) {
        const response = await app.inject({ method: 'GET', url, headers: bearer(token) });
        expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
        expect(response.body).not.toContain(alder.name);
      }
      const schedule = await app.inject({
        method: 'POST',
        url: `/api/v1/patients/${alder.patientIds[0]}/infusions`,
        headers: bearer(token),
        payload: { scheduledAt: '2031-02-03T10:00:00Z' },
      });
      expect(schedule.statusCode).toBe(404);
    });
  });

  describe('the patient’s own infusions', () => {
    it('lists the course done and to come, without cancelled ones or anyone else’s', async () => {
      const clinic = await createClinic(owner, 'Course', 2);
      const [first, second] = clinic.infusionIds;
      await owner.query(
        `UPDATE infusions SET status = 'completed', scheduled_at = now() - interval '2 days'
         WHERE id = $1`,
        [first],
      );
      await owner.query(`UPDATE infusions SET status = 'cancelled' WHERE id = $1`, [second]);
      const token = await signIn(app, clinic.patientUser.email);

      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/me/infusions',
        headers: bearer(token),
      });

      expect(response.statusCode).toBe(200);
      expect(
        response.json<{ id: string; status: string }[]>().map(({ id, status }) => ({ id, status })),
      ).toEqual([{ id: first, status: 'completed' }]);
    });

    it('is for patients only', async () => {
      const token = await signIn(app, alder.clinician.email);

      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/me/infusions',
        headers: bearer(token),
      });

      expect(response.statusCode).toBe(403);
    });
  });

  describe('patients', () => {
    let token: string;

    beforeAll(async () => {
      token = await signIn(app, alder.clinician.email);
    });

    const list = (query: string) =>
      app.inject({ method: 'GET', url: `/api/v1/patients?${query}`, headers: bearer(token) });

    it('pages, sorts and counts', async () => {
      const first = await list('page=1&perPage=3&sort=familyName&order=DESC');
      const body = first.json<Page<PatientSummary>>();

      expect(first.statusCode).toBe(200);
      expect(body.total).toBe(7);
      expect(first.headers['x-total-count']).toBe('7');
      expect(body.data.map((patient) => patient.familyName)).toEqual(
        [...body.data.map((patient) => patient.familyName)].sort().reverse(),
      );
      expect(body.data[0]?.nextInfusionAt).toEqual(expect.any(String));
    });

    it('reports the real total for a page past the last one', async () => {
      const response = await list('page=9&perPage=5');

      expect(response.json<Page<PatientSummary>>()).toEqual({ data: [], total: 7 });
    });

    it.each([
      ['perPage=1000', 'perPage'],
      ['page=0', 'page'],
      ['sort=password', 'sort'],
      ['order=sideways', 'order'],
      ['status=asleep', 'status'],
      ['clinicId=abc', 'clinicId'],
    ])('refuses %s naming %s', async (query, field) => {
      const response = await list(query);

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toHaveProperty(field);
    });

    it('enrols a patient and refuses a second with the same email', async () => {
      const payload = {
        givenName: 'Nora',
        familyName: 'Quinn',
        email: 'Nora.Quinn@Test.example',
        timeZone: 'Europe/Dublin',
      };
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: bearer(token),
        payload,
      });
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: bearer(token),
        payload,
      });

      expect(created.statusCode).toBe(201);
      expect(created.json<PatientDetail>()).toMatchObject({
        email: 'nora.quinn@test.example',
        status: 'invited',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json<ApiError>().code).toBe('patient_email_taken');
    });

    it('refuses an enrolment with an unknown time zone, naming the field', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/patients',
        headers: bearer(token),
        payload: {
          givenName: 'A',
          familyName: 'B',
          email: 'ab@test.example',
          timeZone: 'Mars/Olympus',
        },
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toHaveProperty('timeZone');
    });

    it('refuses a malformed id in the address with a 400 that names it', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/patients/42',
        headers: bearer(token),
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().message).toMatch(/patient id/);
    });

    it('keeps patients out of the staff routes', async () => {
      const patientToken = await signIn(app, alder.patientUser.email);
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/patients',
        headers: bearer(patientToken),
      });

      expect(response.statusCode).toBe(403);
    });
  });

  describe('infusions', () => {
    it('stores and returns an instant exactly, whatever the time zones of process and database', async () => {
      const token = await signIn(app, alder.clinician.email);
      const [setting] = await app.get(DataSource).query<{ TimeZone: string }[]>('SHOW TimeZone');

      expect(new Date('2031-03-04T07:45:00Z').getHours()).toBe(15);
      expect(setting?.TimeZone).toBe('Pacific/Chatham');
      const created = await app.inject({
        method: 'POST',
        url: `/api/v1/patients/${alder.patientIds[1]}/infusions`,
        headers: bearer(token),
        payload: { scheduledAt: '2031-03-04T07:45:00Z' },
      });
      const read = await app.inject({
        method: 'GET',
        url: `/api/v1/infusions/${created.json<{ id: string }>().id}`,
        headers: bearer(token),
      });

      expect(created.statusCode).toBe(201);
      expect(read.json<{ scheduledAt: string }>().scheduledAt).toBe('2031-03-04T07:45:00.000Z');
    });

    it.each([
      [{ scheduledAt: 'next tuesday' }, 'scheduledAt'],
      [{ scheduledAt: '2031-03-04T07:45:00' }, 'scheduledAt'],
      [{ scheduledAt: '2031-03-04T07:45:00Z', durationMinutes: 2 }, 'durationMinutes'],
    ])('refuses %p naming %s', async (payload, field) => {
      const token = await signIn(app, alder.clinician.email);
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/patients/${alder.patientIds[1]}/infusions`,
        headers: bearer(token),
        payload,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toHaveProperty(field);
    });
  });

  describe('the patient’s Today', () => {
    it('shows the patient, their clinic and their next infusion', async () => {
      const token = await signIn(app, alder.patientUser.email);
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/today',
        headers: bearer(token),
      });
      const today = response.json<TodayView>();

      expect(response.statusCode).toBe(200);
      expect(today.patient.id).toBe(alder.patientIds[0]);
      expect(today.clinic.name).toBe(alder.name);
      expect(today.nextInfusion?.patientId).toBe(alder.patientIds[0]);
    });

    it('is not for staff', async () => {
      const token = await signIn(app, alder.clinician.email);
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/today',
        headers: bearer(token),
      });

      expect(response.statusCode).toBe(403);
    });
  });

  describe('errors', () => {
    it('answers an unknown route with the one error shape', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });

      expect(response.statusCode).toBe(404);
      expect(response.json<ApiError>()).toMatchObject({ statusCode: 404, code: 'route_not_found' });
    });

    it('asks for sign-in without a token', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/me' });

      expect(response.statusCode).toBe(401);
      expect(response.json<ApiError>().code).toBe('unauthenticated');
    });
  });

  describe('documentation', () => {
    it('publishes an OpenAPI document with request and response schemas', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/docs-json' });
      const document = response.json<{
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      }>();

      expect(response.statusCode).toBe(200);
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/sign-in',
          '/api/v1/patients',
          '/api/v1/patients/{id}',
          '/api/v1/today',
        ]),
      );
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining(['SignInDto', 'SessionDto', 'PatientPageDto', 'EnrolPatientDto']),
      );
    });
  });

  describe('health', () => {
    it('is live and ready when PostgreSQL and Redis answer', async () => {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).json()).toEqual({
        status: 'ready',
      });
    });
  });
});
