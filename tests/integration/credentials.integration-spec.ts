import type { ApiError, MfaChallengeResponse, SessionResponse } from '@ivks/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  EMAIL_JOBS,
  type EmailJob,
  TenantTransactions,
} from '@ivks/server';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { Client } from 'pg';
import { hash } from '@node-rs/argon2';
import { Clock } from '../../apps/api/src/auth/clock';
import { SessionsService } from '../../apps/api/src/auth/sessions.service';
import { RateLimits } from '../../apps/api/src/common/rate-limit';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureUser, ownerClient, PASSWORD } from './support/fixtures';

const NEW_PASSWORD = 'a brand new passphrase for this account';
const MINUTE = 60_000;

describe('credentials: passwords, resets, sessions, second factor and throttling', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let emails: Queue<EmailJob>;
  let config: AppConfig;
  let clock: Clock;
  let offsetMs = 0;

  beforeAll(async () => {
    owner = await ownerClient();
    app = await startApi();
    emails = app.get<Queue<EmailJob>>(EMAIL_JOBS);
    config = app.get<AppConfig>(APP_CONFIG);
    clock = app.get(Clock);
    jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + offsetMs);
  });

  beforeEach(async () => {
    offsetMs = 0;
    await app.get(RateLimits).clearAll();
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const post = (url: string, payload: object = {}, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
  const get = (url: string, token: string) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
  const cookieOf = (response: LightMyRequestResponse) =>
    response.cookies.find((cookie) => cookie.name === 'ivks_refresh')?.value ?? '';
  const refresh = (cookie: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { ivks_refresh: cookie },
    });

  async function signInFully(user: FixtureUser, password = PASSWORD) {
    const response = await post('/auth/sign-in', { email: user.email, password });
    expect(response.statusCode).toBe(200);

    return { token: response.json<SessionResponse>().accessToken, cookie: cookieOf(response) };
  }

  /** The newest email of this kind to this address, from the queue the worker reads. */
  async function emailTo(to: string, kind: string): Promise<EmailJob | undefined> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const jobs = await emails.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      const found = jobs
        .filter((job) => job.name === kind && job.data.to === to)
        .sort((a, b) => b.timestamp - a.timestamp)[0];
      if (found) {
        return found.data;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    return undefined;
  }

  async function resetTokenFor(user: FixtureUser): Promise<{ token: string; link: string }> {
    expect((await post('/auth/password-reset', { email: user.email })).statusCode).toBe(202);
    const email = await emailTo(user.email, 'password_reset');
    const link = /https?:\/\/\S+\/reset-password[?#]token=[^\s"<]+/.exec(email?.text ?? '')?.[0];
    if (!link) {
      throw new Error('no reset link was emailed');
    }

    const token = /[?#]token=([^&\s]+)/.exec(link)?.[1] ?? '';

    return { link, token: decodeURIComponent(token) };
  }

  async function auditActions(clinicId: string, userId: string): Promise<string[]> {
    const { rows } = await owner.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE clinic_id = $1 AND subject_id = $2 ORDER BY seq`,
      [clinicId, userId],
    );

    return rows.map((row) => row.action);
  }

  describe('password reset', () => {
    it('answers the same whether or not the email has an account', async () => {
      const clinic = await createClinic(owner, 'Reset', 1);

      const known = await post('/auth/password-reset', { email: clinic.clinician.email });
      const unknown = await post('/auth/password-reset', { email: 'nobody.here@test.example' });

      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(unknown.body).toBe(known.body);
      expect(await emailTo(clinic.clinician.email, 'password_reset')).toBeDefined();
    });

    it('links staff to the dashboard and patients to the patient app', async () => {
      const clinic = await createClinic(owner, 'Links', 1);

      const staff = await resetTokenFor(clinic.clinician);
      const patient = await resetTokenFor(clinic.patientUser);

      expect(staff.link.startsWith(`${config.DASHBOARD_URL}/#/reset-password?token=`)).toBe(true);
      expect(patient.link.startsWith(`${config.PATIENT_APP_URL}/reset-password#token=`)).toBe(true);
    });

    it('sets the password, ends every session, tells the owner and refuses a second use', async () => {
      const clinic = await createClinic(owner, 'Confirm', 1);
      const before = await signInFully(clinic.clinician);
      const { token } = await resetTokenFor(clinic.clinician);

      const confirmed = await post('/auth/password-reset/confirm', {
        token,
        password: NEW_PASSWORD,
      });
      const again = await post('/auth/password-reset/confirm', { token, password: NEW_PASSWORD });

      expect(confirmed.statusCode).toBe(204);
      expect((await get('/me', before.token)).statusCode).toBe(401);
      expect((await refresh(before.cookie)).statusCode).toBe(401);
      expect(again.statusCode).toBe(400);
      expect(again.json<ApiError>()).toMatchObject({ code: 'reset_token_used' });
      expect(again.json<ApiError>().message).toMatch(/new link/);
      expect(
        (await post('/auth/sign-in', { email: clinic.clinician.email, password: PASSWORD }))
          .statusCode,
      ).toBe(401);
      await signInFully(clinic.clinician, NEW_PASSWORD);
      expect(await emailTo(clinic.clinician.email, 'security_notice')).toBeDefined();
      expect(await auditActions(clinic.id, clinic.clinician.userId)).toEqual(
        expect.arrayContaining([
          'auth.password_reset_requested',
          'auth.sessions_revoked',
          'auth.password_reset',
        ]),
      );
    });

    it('refuses an expired link with 410 and offers a new one', async () => {
      const clinic = await createClinic(owner, 'Expired', 1);
      const { token } = await resetTokenFor(clinic.clinician);
      await owner.query(
        `UPDATE password_resets SET created_at = now() - interval '2 hours',
           expires_at = now() - interval '1 hour' WHERE user_id = $1`,
        [clinic.clinician.userId],
      );

      const response = await post('/auth/password-reset/confirm', {
        token,
        password: NEW_PASSWORD,
      });

      expect(response.statusCode).toBe(410);
      expect(response.json<ApiError>()).toMatchObject({ code: 'reset_token_expired' });
      expect(response.json<ApiError>().message).toMatch(/new link/);
    });

    it('refuses a made-up token as spent', async () => {
      const response = await post('/auth/password-reset/confirm', {
        token: `00000000-0000-4000-8000-000000000000.${'A'.repeat(43)}`,
        password: NEW_PASSWORD,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().code).toBe('reset_token_used');
    });
  });

  describe('changing the password', () => {
    it('ends the other sessions at once, keeps this one, and sends a notice', async () => {
      const clinic = await createClinic(owner, 'Change', 1);
      const other = await signInFully(clinic.patientUser);
      const current = await signInFully(clinic.patientUser);

      const wrong = await post(
        '/me/password',
        { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD },
        bearer(current.token),
      );
      const changed = await post(
        '/me/password',
        { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        bearer(current.token),
      );

      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<ApiError>().fields).toHaveProperty('currentPassword');
      expect(changed.statusCode).toBe(204);
      expect((await get('/me', other.token)).statusCode).toBe(401);
      expect((await get('/me', current.token)).statusCode).toBe(200);
      expect(await emailTo(clinic.patientUser.email, 'security_notice')).toBeDefined();
      expect(await auditActions(clinic.id, clinic.patientUser.userId)).toContain(
        'auth.password_changed',
      );
    });

    it('upgrades a hash made with weaker settings at the next sign-in', async () => {
      const clinic = await createClinic(owner, 'Rehash', 1);
      const weak = await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
      await owner.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
        clinic.clinician.userId,
        weak,
      ]);

      await signInFully(clinic.clinician);

      const { rows } = await owner.query<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE id = $1',
        [clinic.clinician.userId],
      );
      expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=24576,t=2,p=1\$/);
      await signInFully(clinic.clinician);
    });
  });

  describe('sessions', () => {
    it('lets two tabs refresh at once, and revokes the family when a spent token returns later', async () => {
      const clinic = await createClinic(owner, 'Rotate', 1);
      const { cookie } = await signInFully(clinic.clinician);

      const [first, second] = await Promise.all([refresh(cookie), refresh(cookie)]);
      offsetMs = 11_000;
      const replay = await refresh(cookie);

      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect(replay.statusCode).toBe(401);
      expect((await refresh(cookieOf(first))).statusCode).toBe(401);
      expect((await get('/me', first.json<SessionResponse>().accessToken)).statusCode).toBe(401);
    });

    it('signs out everywhere: every session stops working on its next request', async () => {
      const clinic = await createClinic(owner, 'Everywhere', 1);
      const laptop = await signInFully(clinic.clinician);
      const phone = await signInFully(clinic.clinician);

      const response = await post('/auth/sign-out-everywhere', {}, bearer(laptop.token));

      expect(response.statusCode).toBe(204);
      for (const session of [laptop, phone]) {
        expect((await get('/me', session.token)).statusCode).toBe(401);
        expect((await refresh(session.cookie)).statusCode).toBe(401);
      }
      expect(await auditActions(clinic.id, clinic.clinician.userId)).toContain(
        'auth.sessions_revoked',
      );
    });

    it('refuses the access token of a session ended in the database by another path at once', async () => {
      const clinic = await createClinic(owner, 'Ended', 1);
      const target = await signInFully(clinic.clinician);
      const admin = await signInFully(clinic.owner);
      const sessions = app.get(SessionsService);

      await app
        .get(TenantTransactions)
        .run({ clinicId: clinic.id, userId: clinic.owner.userId, role: 'owner' }, () =>
          sessions.endAllFor(clinic.clinician.userId),
        );

      expect((await get('/me', target.token)).statusCode).toBe(401);
      expect((await get('/me', admin.token)).statusCode).toBe(200);
    });

    it('ends a staff session after 30 minutes idle, and a patient session only after a day', async () => {
      const clinic = await createClinic(owner, 'Idle', 1);
      const staff = await signInFully(clinic.clinician);
      const patient = await signInFully(clinic.patientUser);

      offsetMs = 29 * MINUTE;
      expect((await get('/me', staff.token)).statusCode).toBe(200);
      offsetMs = 29 * MINUTE + 31 * MINUTE;
      const staffIdle = await get('/me', staff.token);
      const patientIdle = await get('/me', patient.token);

      expect(staffIdle.statusCode).toBe(401);
      expect(patientIdle.statusCode).toBe(200);
      expect((await refresh(staff.cookie)).statusCode).toBe(401);
    });

    it('ends a busy staff session 12 hours after sign-in, refreshes included', async () => {
      const clinic = await createClinic(owner, 'Absolute', 1);
      const staff = await signInFully(clinic.clinician);

      for (offsetMs = 25 * MINUTE; offsetMs < 12 * 60 * MINUTE; offsetMs += 25 * MINUTE) {
        expect((await get('/me', staff.token)).statusCode).toBe(200);
      }
      offsetMs = 12 * 60 * MINUTE + MINUTE;

      expect((await get('/me', staff.token)).statusCode).toBe(401);
    });
  });

  describe('second factor', () => {
    async function enrol(user: FixtureUser) {
      const { token } = await signInFully(user);
      const started = await post('/me/mfa/totp', {}, bearer(token));
      expect(started.statusCode).toBe(200);
      const { secret, otpauthUri } = started.json<{ secret: string; otpauthUri: string }>();
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      const confirmed = await post(
        '/me/mfa/totp/confirm',
        { code: await codeFor(secret) },
        bearer(token),
      );
      expect(confirmed.statusCode).toBe(200);

      return {
        secret,
        token,
        recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes,
      };
    }

    const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(clock.now() / 1000) });

    async function challenge(user: FixtureUser): Promise<string> {
      const response = await post('/auth/sign-in', { email: user.email, password: PASSWORD });
      expect(response.statusCode).toBe(200);
      const body = response.json<MfaChallengeResponse>();
      expect(body.mfaRequired).toBe(true);
      expect(cookieOf(response)).toBe('');

      return body.mfaToken;
    }

    it('asks for a code after the password, accepts it once, and refuses it again', async () => {
      const clinic = await createClinic(owner, 'Totp', 1);
      const { secret } = await enrol(clinic.clinician);
      offsetMs = 30_000;
      const code = await codeFor(secret);

      const completed = await post('/auth/mfa', {
        mfaToken: await challenge(clinic.clinician),
        code,
      });
      const replayed = await post('/auth/mfa', {
        mfaToken: await challenge(clinic.clinician),
        code,
      });

      expect(completed.statusCode).toBe(200);
      expect(cookieOf(completed)).not.toBe('');
      expect((await get('/me', completed.json<SessionResponse>().accessToken)).statusCode).toBe(
        200,
      );
      expect(replayed.statusCode).toBe(401);
      expect(await emailTo(clinic.clinician.email, 'security_notice')).toBeDefined();
      expect(await auditActions(clinic.id, clinic.clinician.userId)).toContain('auth.mfa_enabled');
    });

    it('spends an mfaToken once', async () => {
      const clinic = await createClinic(owner, 'Token', 1);
      const { secret } = await enrol(clinic.clinician);
      const mfaToken = await challenge(clinic.clinician);
      offsetMs = 30_000;

      const first = await post('/auth/mfa', { mfaToken, code: await codeFor(secret) });
      offsetMs = 60_000;
      const second = await post('/auth/mfa', { mfaToken, code: await codeFor(secret) });

      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(401);
      expect(second.json<ApiError>().code).toBe('unauthenticated');
    });

    it('accepts each recovery code once', async () => {
      const clinic = await createClinic(owner, 'Recovery', 1);
      const { recoveryCodes } = await enrol(clinic.clinician);
      const [recoveryCode] = recoveryCodes;

      const first = await post('/auth/mfa', {
        mfaToken: await challenge(clinic.clinician),
        recoveryCode: recoveryCode?.toUpperCase(),
      });
      const second = await post('/auth/mfa', {
        mfaToken: await challenge(clinic.clinician),
        recoveryCode,
      });

      expect(recoveryCodes).toHaveLength(10);
      expect(first.statusCode).toBe(200);
      expect(second.statusCode).toBe(401);
      expect(await auditActions(clinic.id, clinic.clinician.userId)).toContain(
        'auth.recovery_code_used',
      );
    });

    it('counts wrong codes toward the sign-in throttle', async () => {
      const clinic = await createClinic(owner, 'Wrong', 1);
      await enrol(clinic.clinician);
      const mfaToken = await challenge(clinic.clinician);

      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt += 1) {
        statuses.push((await post('/auth/mfa', { mfaToken, code: '000000' })).statusCode);
      }

      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
    });

    it('counts second-factor codes sent all at once before any of them has failed', async () => {
      const clinic = await createClinic(owner, 'BurstCode', 1);
      await enrol(clinic.clinician);
      const mfaToken = await challenge(clinic.clinician);

      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, guess) =>
          post('/auth/mfa', { mfaToken, code: String(guess).padStart(6, '9') }),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode);

      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(
        true,
      );
    });

    it('lets a staff member of a clinic that requires it do nothing but enrol', async () => {
      const clinic = await createClinic(owner, 'Required', 1);
      await owner.query('UPDATE clinics SET mfa_required = true WHERE id = $1', [clinic.id]);
      const response = await post('/auth/sign-in', {
        email: clinic.clinician.email,
        password: PASSWORD,
      });
      const session = response.json<SessionResponse>();
      const token = session.accessToken;

      const patients = await get('/patients', token);
      const me = await get('/me', token);
      const status = await get('/me/mfa', token);
      const started = await post('/me/mfa/totp', {}, bearer(token));
      const { secret } = started.json<{ secret: string }>();
      const confirmed = await post(
        '/me/mfa/totp/confirm',
        { code: await codeFor(secret) },
        bearer(token),
      );
      const refreshed = await refresh(cookieOf(response));
      const after = await get('/patients', refreshed.json<SessionResponse>().accessToken);
      offsetMs = 30_000;
      const disable = await app.inject({
        method: 'DELETE',
        url: '/api/v1/me/mfa',
        headers: bearer(refreshed.json<SessionResponse>().accessToken),
        payload: { code: await codeFor(secret) },
      });

      expect(session.mfaEnrolmentRequired).toBe(true);
      expect(patients.statusCode).toBe(403);
      expect(patients.json<ApiError>()).toMatchObject({ code: 'mfa_enrolment_required' });
      expect(patients.json<ApiError>().message).toMatch(/authenticator app/);
      expect(me.statusCode).toBe(200);
      expect(status.json()).toEqual({
        totpEnabled: false,
        recoveryCodesLeft: 0,
        requiredByClinic: true,
      });
      expect(confirmed.statusCode).toBe(200);
      expect(refreshed.json<SessionResponse>().mfaEnrolmentRequired).toBeUndefined();
      expect(after.statusCode).toBe(200);
      expect(disable.statusCode).toBe(409);
      expect(disable.json<ApiError>().code).toBe('mfa_required_by_clinic');
    });

    it('turns the second factor off with a fresh code where the clinic allows it', async () => {
      const clinic = await createClinic(owner, 'Disable', 1);
      const { secret, token } = await enrol(clinic.clinician);
      offsetMs = 30_000;

      const disable = await app.inject({
        method: 'DELETE',
        url: '/api/v1/me/mfa',
        headers: bearer(token),
        payload: { code: await codeFor(secret) },
      });
      const signedIn = await post('/auth/sign-in', {
        email: clinic.clinician.email,
        password: PASSWORD,
      });

      expect(disable.statusCode).toBe(204);
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json()).toEqual({
        accessToken: expect.any(String) as string,
        expiresIn: expect.any(Number) as number,
      });
      expect(await auditActions(clinic.id, clinic.clinician.userId)).toContain('auth.mfa_disabled');
    });

    it('keeps the secret sealed in the database', async () => {
      const clinic = await createClinic(owner, 'Sealed', 1);
      const { secret } = await enrol(clinic.clinician);

      const { rows } = await owner.query<{ secret_ciphertext: Buffer }>(
        'SELECT secret_ciphertext FROM staff_totp WHERE clinic_id = $1',
        [clinic.id],
      );

      expect(rows).toHaveLength(1);
      expect(rows[0]?.secret_ciphertext.toString('latin1')).not.toContain(secret);
    });
  });

  describe('throttling', () => {
    it('limits an account after 10 failed sign-ins, and a reset lets its owner back in', async () => {
      const clinic = await createClinic(owner, 'Throttle', 1);
      const email = clinic.clinician.email;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        expect(
          (await post('/auth/sign-in', { email, password: 'wrong password guess' })).statusCode,
        ).toBe(401);
      }

      const limited = await post('/auth/sign-in', {
        email: email.toUpperCase(),
        password: PASSWORD,
      });
      const { token } = await resetTokenFor(clinic.clinician);
      await post('/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
      const afterReset = await post('/auth/sign-in', { email, password: NEW_PASSWORD });

      expect(limited.statusCode).toBe(429);
      expect(limited.json<ApiError>()).toMatchObject({ code: 'rate_limited' });
      expect(limited.json<ApiError>().message).toMatch(/try again in \d+ minutes?/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(afterReset.statusCode).toBe(200);
    });

    it('counts guesses sent all at once before any of them has failed', async () => {
      const clinic = await createClinic(owner, 'Burst', 1);
      const email = clinic.clinician.email;

      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          post('/auth/sign-in', { email, password: 'wrong password guess' }),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode);
      const afterwards = await post('/auth/sign-in', { email, password: PASSWORD });

      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(
        true,
      );
      expect(afterwards.statusCode).toBe(429);
    });

    it('never slows down a person who gets it right, however often they sign in', async () => {
      const clinic = await createClinic(owner, 'Often', 1);
      const email = clinic.clinician.email;

      const statuses: number[] = [];
      for (let attempt = 0; attempt < 15; attempt += 1) {
        statuses.push((await post('/auth/sign-in', { email, password: PASSWORD })).statusCode);
      }
      const together = await Promise.all(
        Array.from({ length: 5 }, () => post('/auth/sign-in', { email, password: PASSWORD })),
      );

      expect(statuses).toEqual(Array(15).fill(200));
      expect(together.map((answer) => answer.statusCode)).toEqual(Array(5).fill(200));
    });

    it('counts an email padded with spaces as the same account', async () => {
      const clinic = await createClinic(owner, 'Padded', 1);
      const email = clinic.clinician.email;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await post('/auth/sign-in', { email, password: 'wrong password guess' });
      }

      const padded = await post('/auth/sign-in', {
        email: `${email}${' '.repeat(400)}`,
        password: PASSWORD,
      });
      const resets = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        resets.push(await post('/auth/password-reset', { email: `${' '.repeat(330)}${email}` }));
      }

      expect(padded.statusCode).toBe(429);
      expect(resets.map((answer) => answer.statusCode)).toEqual([202, 202, 202, 202, 202, 429]);
    });

    it('counts the address the request comes from, whatever X-Forwarded-For claims', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 21; attempt += 1) {
        const response = await post(
          '/auth/password-reset',
          { email: `sprayed.${attempt}@test.example` },
          { 'x-forwarded-for': `203.0.113.${attempt + 1}` },
        );
        statuses.push(response.statusCode);
      }

      expect(statuses.slice(0, 20).every((status) => status === 202)).toBe(true);
      expect(statuses[20]).toBe(429);
    });

    it('limits reset requests per email', async () => {
      const answers = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        answers.push(await post('/auth/password-reset', { email: 'flooded@test.example' }));
      }

      expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202, 202, 202, 202, 429]);
      expect(answers[5]?.json<ApiError>().message).toMatch(
        /links already emailed to you still work/,
      );
    });
  });

  describe('bad input on every new route names the field', () => {
    it.each([
      ['/auth/password-reset', { email: 'not an email' }, 'email'],
      ['/auth/password-reset/confirm', { token: 'x', password: 'short' }, 'password'],
      ['/auth/password-reset/confirm', { password: NEW_PASSWORD }, 'token'],
      ['/auth/mfa', { code: '123456' }, 'mfaToken'],
      ['/auth/mfa', { mfaToken: 'x', code: '12ab' }, 'code'],
      ['/auth/mfa', { mfaToken: 'x', recoveryCode: '!' }, 'recoveryCode'],
    ])('POST %s %j', async (url, payload, field) => {
      const response = await post(url, payload);

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().fields).toHaveProperty(field);
    });

    it('on the signed-in routes too', async () => {
      const clinic = await createClinic(owner, 'Input', 1);
      const { token } = await signInFully(clinic.clinician);
      const cases: [string, string, object, string][] = [
        [
          'POST',
          '/me/password',
          { currentPassword: PASSWORD, newPassword: 'short' },
          'newPassword',
        ],
        ['POST', '/me/password', { newPassword: NEW_PASSWORD }, 'currentPassword'],
        [
          'POST',
          '/me/password',
          { currentPassword: PASSWORD, newPassword: PASSWORD },
          'newPassword',
        ],
        ['POST', '/me/mfa/totp/confirm', { code: 'abc' }, 'code'],
        ['DELETE', '/me/mfa', {}, 'code'],
      ];
      for (const [method, url, payload, field] of cases) {
        const response = await app.inject({
          method: method as 'POST',
          url: `/api/v1${url}`,
          headers: bearer(token),
          payload,
        });
        expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
        expect(response.json<ApiError>().fields).toHaveProperty(field);
      }
      expect((await signIn(app, clinic.clinician.email)).length).toBeGreaterThan(0);
    });
  });
});
