import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiError } from '@ivks/contracts';
import type { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

/** Requests a person could get wrong, each answered with a 400 that names what to correct. */
describe('bad input', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let clinic: FixtureClinic;
  let staff: string;

  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner, 'Aspen');
    app = await startApi();
    staff = await signIn(app, clinic.clinician.email);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(staff),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('refuses to move an infusion to nothing, and leaves it where it was', async () => {
    const infusion = clinic.infusionIds[0] ?? '';
    const before = (await send('GET', `/infusions/${infusion}`)).json<{ scheduledAt: string }>();

    for (const body of [{ scheduledAt: null }, { durationMinutes: null }]) {
      const response = await send('PATCH', `/infusions/${infusion}`, body);
      expect(response.statusCode).toBe(400);
      expect(Object.keys(response.json<ApiError>().fields ?? {})).toEqual(Object.keys(body));
    }
    const after = (await send('GET', `/infusions/${infusion}`)).json<{ scheduledAt: string }>();
    expect(after.scheduledAt).toBe(before.scheduledAt);
  });

  it.each([
    ['a number in a string', '60'],
    ['true', true],
    ['a fraction', 60.5],
  ])(
    'refuses %s as the length of an infusion, and leaves it as it was',
    async (_case, durationMinutes) => {
      const infusion = clinic.infusionIds[0] ?? '';
      const before = (await send('GET', `/infusions/${infusion}`)).json<object>();

      const response = await send('PATCH', `/infusions/${infusion}`, { durationMinutes });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toEqual({
        durationMinutes: ['durationMinutes must be a whole number of minutes'],
      });
      expect((await send('GET', `/infusions/${infusion}`)).json<object>()).toEqual(before);
    },
  );

  it('tells a time that is not one only how to write it', async () => {
    const response = await send('POST', `/patients/${clinic.patientIds[1]}/infusions`, {
      scheduledAt: 5,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().fields).toEqual({
      scheduledAt: [
        'scheduledAt must be a date and time with its offset, like 2026-12-09T15:30:00Z',
      ],
    });
  });

  it.each(['1900-01-01T00:00:00Z', '9999-12-31T23:59:59Z'])(
    'refuses an infusion in the year of %s',
    async (scheduledAt) => {
      const response = await send('POST', `/patients/${clinic.patientIds[1]}/infusions`, {
        scheduledAt,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().message).toContain('between the years 2000 and 2099');
    },
  );

  it.each(['EST', 'Mars/Olympus', 'america/new_york'])(
    'refuses %s as a patient’s time zone',
    async (timeZone) => {
      const response = await send('POST', '/patients', {
        givenName: 'A',
        familyName: 'B',
        email: `tz.${timeZone.length}@test.example`,
        timeZone,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toHaveProperty('timeZone');
    },
  );

  const newPatient = {
    givenName: 'Ok',
    familyName: 'Name',
    email: `unstorable.${randomUUID()}@test.example`,
    timeZone: 'UTC',
  };

  it.each([
    ['a NUL in a name', '/patients', 'givenName', { ...newPatient, givenName: 'G\u0000' }],
    [
      'a broken character in a name',
      '/patients',
      'givenName',
      { ...newPatient, givenName: 'G\uD800' },
    ],
    [
      'a name that reverses the text after it',
      '/patients',
      'familyName',
      { ...newPatient, familyName: 'Lee\u202E (admin)' },
    ],
    ['a name of two lines', '/patients', 'givenName', { ...newPatient, givenName: 'Sam\nLee' }],
    [
      'a name split by a line separator',
      '/patients',
      'givenName',
      { ...newPatient, givenName: 'Ann\u2028Smith' },
    ],
    ['a name nobody can see', '/patients', 'familyName', { ...newPatient, familyName: '\u200E' }],
    [
      'a broken character in a sign-in email',
      '/auth/sign-in',
      'email',
      { email: 'a\uD800@test.example', password: 'a long enough password' },
    ],
    [
      'a broken character in a reset email',
      '/auth/password-reset',
      'email',
      { email: 'a\uD800@x.example' },
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_name, url, field, payload) => {
    const response = await send('POST', url, payload);

    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().fields).toHaveProperty(field);
    const { rows } = await owner.query(`SELECT 1 FROM patients WHERE email = $1`, [
      newPatient.email,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('asks for JSON when the body comes as plain text', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { ...bearer(staff), 'content-type': 'text/plain' },
      payload: JSON.stringify(newPatient),
    });

    expect(response.statusCode).toBe(415);
    expect(response.json<ApiError>()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('asks for JSON when the body comes as a form, and stores nothing', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/patients',
      headers: { ...bearer(staff), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(newPatient).toString(),
    });

    expect(response.statusCode).toBe(415);
    expect(response.json<ApiError>()).toMatchObject({ code: 'unsupported_media_type' });
    const { rows } = await owner.query(`SELECT 1 FROM patients WHERE email = $1`, [
      newPatient.email,
    ]);
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['a link far too long to be one', `/api/v1/calendar/${'secret'.repeat(40)}`],
    ['an address that cannot be decoded', '/api/v1/calendar/%E0%A4%A'],
  ])('answers %s in the API’s own words, without repeating it', async (_case, url) => {
    const response = await app.inject({ method: 'GET', url });

    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>()).toMatchObject({ code: 'validation_failed' });
    expect(response.body).not.toContain('secretsecret');
    expect(response.body).not.toContain('%E0');
  });

  it('refuses a page number past any real list', async () => {
    const response = await send('GET', '/patients?page=99999999999999999999');

    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().fields).toHaveProperty('page');
  });

  it('refuses a list where a task’s offset should be', async () => {
    const response = await send('POST', '/pathways', {
      name: 'Broken',
      tasks: [{ contentSlug: 'box-breathing', timing: { anchor: 'each_infusion', offset: [] } }],
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().fields).toHaveProperty(['tasks.0.timing.offset']);
  });

  it('refuses a body nested thousands of levels deep, even before sign-in', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: `${'['.repeat(4000)}${']'.repeat(4000)}`,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<ApiError>().code).toBe('validation_failed');
  });

  it('refuses a change of the clinic’s instructions that changes nothing', async () => {
    const empty = await send('PUT', '/clinic/instructions', {});

    expect(empty.statusCode).toBe(400);
    expect(empty.json<ApiError>().message).toContain('at least one topic');
  });
});
