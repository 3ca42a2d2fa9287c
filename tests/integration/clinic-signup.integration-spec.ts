import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiError, ClinicSignupRequest } from '@ivks/contracts';
import { EMAIL_JOBS, type EmailJob } from '@ivks/server';
import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import { RateLimits } from '../../apps/api/src/common/rate-limit';
import { ExpiredSignups } from '../../apps/worker/src/housekeeping/expired-signups';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

const NEW_PASSWORD = 'lantern orchard pebble harbour';

describe('clinic sign-up with email verification', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let existing: FixtureClinic;
  let emails: Queue<EmailJob>;

  beforeAll(async () => {
    owner = await ownerClient();
    existing = await createClinic(owner, 'Juniper', 1);
    app = await startApi();
    emails = app.get<Queue<EmailJob>>(EMAIL_JOBS);
  });

  beforeEach(async () => {
    await app.get(RateLimits).clearAll();
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const signupFor = (email: string): ClinicSignupRequest => ({
    clinicName: `Willow ${randomUUID().slice(0, 8)}`,
    timeZone: 'America/Chicago',
    phone: '+1 312 555 0100',
    ownerName: 'Wren Owner',
    email,
    password: NEW_PASSWORD,
  });

  const signUp = (payload: object) =>
    app.inject({ method: 'POST', url: '/api/v1/clinic-signups', payload });

  const verify = (token: unknown) =>
    app.inject({ method: 'POST', url: '/api/v1/clinic-signups/verify', payload: { token } });

  const signIn = (email: string, password = NEW_PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

  /** The newest email of `kind` queued to `to`. */
  const latestEmail = async (to: string, kind: string) => {
    const jobs = await emails.getJobs([
      'waiting',
      'delayed',
      'prioritized',
      'active',
      'completed',
      'failed',
    ]);
    const matching = jobs
      .filter((job) => job.data.to === to && job.name === kind)
      .sort((a, b) => b.timestamp - a.timestamp);

    return matching[0]?.data;
  };

  const tokenIn = (email: EmailJob | undefined, path: string): string => {
    const link = /https?:\/\/\S+/.exec(email?.text ?? '')?.[0] ?? '';
    const route = new URL(new URL(link).hash.slice(1), 'http://route.invalid');
    expect(route.pathname).toBe(path);

    return route.searchParams.get('token') ?? '';
  };

  const clinicsNamed = async (name: string) =>
    (
      await owner.query<{ id: string; activated_at: Date | null; mfa_required: boolean }>(
        'SELECT id, activated_at, mfa_required FROM clinics WHERE name = $1',
        [name],
      )
    ).rows;

  it('answers a new email and one that already has an account the same way', async () => {
    const fresh = signupFor(`new.${randomUUID()}@test.example`);
    const known = signupFor(existing.owner.email);

    const first = await signUp(fresh);
    const second = await signUp(known);

    expect(first.statusCode).toBe(202);
    expect(second.statusCode).toBe(202);
    expect(second.body).toBe(first.body);
    expect(first.json<{ message: string }>().message).toMatch(/check your email/i);

    const verification = await latestEmail(fresh.email, 'email_verification');
    expect(verification?.subject).toMatch(/confirm your email/i);
    expect(tokenIn(verification, '/verify-email')).toContain('.');
    const notice = await latestEmail(known.email, 'security_notice');
    expect(notice?.text).toMatch(/already have an account/);
    expect(notice?.clinicId).toBe(existing.id);
    expect(await clinicsNamed(known.clinicName)).toEqual([]);
    // The pending clinic exists only to hold the verification email; nobody can sign in yet.
    expect(await clinicsNamed(fresh.clinicName)).toEqual([
      expect.objectContaining({ activated_at: null }),
    ]);
    expect((await signIn(fresh.email)).statusCode).toBe(401);
  });

  it('creates the clinic and its owner when the link is followed, and the owner signs in', async () => {
    const request = signupFor(`owner.${randomUUID()}@test.example`);
    await signUp(request);
    const token = tokenIn(await latestEmail(request.email, 'email_verification'), '/verify-email');

    const verified = await verify(token);

    expect(verified.statusCode).toBe(200);
    const { clinicId } = verified.json<{ clinicId: string }>();
    expect(await clinicsNamed(request.clinicName)).toEqual([
      { id: clinicId, activated_at: expect.any(Date) as Date, mfa_required: true },
    ]);
    const { rows: members } = await owner.query(
      `SELECT m.role, m.display_name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.clinic_id = $1`,
      [clinicId],
    );
    expect(members).toEqual([
      { role: 'owner', display_name: request.ownerName, email: request.email },
    ]);
    const { rows: events } = await owner.query(
      'SELECT action, actor_role, subject_type, subject_id FROM audit_events WHERE clinic_id = $1',
      [clinicId],
    );
    expect(events).toEqual([
      {
        action: 'clinic.created',
        actor_role: 'owner',
        subject_type: 'clinic',
        subject_id: clinicId,
      },
    ]);
    const signedIn = await signIn(request.email);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<{ accessToken: string }>().accessToken).toEqual(expect.any(String));

    const replayed = await verify(token);
    expect(replayed.statusCode).toBe(410);
    expect(replayed.json<ApiError>()).toMatchObject({ code: 'signup_link_used' });
    expect(replayed.json<ApiError>().message).toMatch(/sign in/i);
  });

  it('refuses an expired link, offering to sign up again', async () => {
    const request = signupFor(`late.${randomUUID()}@test.example`);
    await signUp(request);
    const token = tokenIn(await latestEmail(request.email, 'email_verification'), '/verify-email');
    await owner.query(
      `UPDATE clinic_signups SET expires_at = now() - interval '1 minute' WHERE email = $1`,
      [request.email],
    );

    const response = await verify(token);

    expect(response.statusCode).toBe(410);
    expect(response.json<ApiError>()).toMatchObject({ code: 'signup_link_expired' });
    expect(response.json<ApiError>().message).toMatch(/sign up again/i);
    expect(await clinicsNamed(request.clinicName)).toEqual([
      expect.objectContaining({ activated_at: null }),
    ]);
    expect((await signIn(request.email)).statusCode).toBe(401);
  });

  it('replaces an open sign-up of the same email, so only the newest link works', async () => {
    const email = `twice.${randomUUID()}@test.example`;
    const first = signupFor(email);
    await signUp(first);
    const oldToken = tokenIn(await latestEmail(email, 'email_verification'), '/verify-email');
    const second = { ...signupFor(email), clinicName: `${first.clinicName} renamed` };
    await signUp(second);
    const newToken = tokenIn(await latestEmail(email, 'email_verification'), '/verify-email');

    const old = await verify(oldToken);
    expect(old.statusCode).toBe(400);
    expect(old.json<ApiError>().code).toBe('signup_link_invalid');

    expect((await verify(newToken)).statusCode).toBe(200);
    expect(await clinicsNamed(first.clinicName)).toEqual([]);
    expect(await clinicsNamed(second.clinicName)).toHaveLength(1);
  });

  it('answers two sign-ups of one new email at the same moment, keeping one pending clinic', async () => {
    const email = `race.${randomUUID()}@test.example`;
    const requests = [signupFor(email), signupFor(email), signupFor(email)];

    const responses = await Promise.all(requests.map((request) => signUp(request)));

    expect(responses.map((response) => response.statusCode)).toEqual([202, 202, 202]);
    const { rows } = await owner.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM clinic_signups WHERE email = $1',
      [email],
    );
    expect(rows).toEqual([{ count: 1 }]);
  });

  describe('a week after a link expired', () => {
    let worker: INestApplicationContext;
    let expiredSignups: ExpiredSignups;

    beforeAll(async () => {
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      expiredSignups = worker.get(ExpiredSignups);
    });

    afterAll(async () => {
      await worker.close();
    });

    /** Signs up and moves the link's expiry `daysAgo` days into the past. */
    const signedUpAndExpired = async (daysAgo: number) => {
      const request = signupFor(`stale.${randomUUID()}@test.example`);
      await signUp(request);
      const token = tokenIn(
        await latestEmail(request.email, 'email_verification'),
        '/verify-email',
      );
      const [clinic] = await clinicsNamed(request.clinicName);
      await owner.query(
        `UPDATE clinic_signups SET expires_at = now() - make_interval(days => $2) WHERE email = $1`,
        [request.email, daysAgo],
      );

      return { request, token, clinicId: clinic?.id ?? '' };
    };

    const rowsOf = async (clinicId: string) =>
      (
        await owner.query<{ signups: number; deliveries: number; clinics: number }>(
          `SELECT (SELECT count(*)::int FROM clinic_signups WHERE clinic_id = $1) AS signups,
                  (SELECT count(*)::int FROM email_deliveries WHERE clinic_id = $1) AS deliveries,
                  (SELECT count(*)::int FROM clinics WHERE id = $1) AS clinics`,
          [clinicId],
        )
      ).rows[0];

    it('removes the pending clinic, its sign-up and its email records, and keeps the rest', async () => {
      const stale = await signedUpAndExpired(8);
      const recent = await signedUpAndExpired(1);
      const open = signupFor(`open.${randomUUID()}@test.example`);
      await signUp(open);
      const done = signupFor(`done.${randomUUID()}@test.example`);
      await signUp(done);
      await verify(tokenIn(await latestEmail(done.email, 'email_verification'), '/verify-email'));
      await owner.query(
        `UPDATE clinic_signups SET expires_at = now() - interval '30 days' WHERE email = $1`,
        [done.email],
      );

      expect(await expiredSignups.removeExpired()).toBeGreaterThanOrEqual(1);

      expect(await rowsOf(stale.clinicId)).toEqual({ signups: 0, deliveries: 0, clinics: 0 });
      expect(await rowsOf(recent.clinicId)).toEqual({ signups: 1, deliveries: 1, clinics: 1 });
      expect(await clinicsNamed(open.clinicName)).toHaveLength(1);
      expect(await clinicsNamed(done.clinicName)).toEqual([
        expect.objectContaining({ activated_at: expect.any(Date) as Date }),
      ]);
      expect((await signIn(done.email)).statusCode).toBe(200);
      expect((await verify(recent.token)).json<ApiError>().code).toBe('signup_link_expired');
      expect((await verify(stale.token)).json<ApiError>().code).toBe('signup_link_invalid');
    });

    it('lets the same email sign up again afterwards', async () => {
      const stale = await signedUpAndExpired(8);
      await expiredSignups.removeExpired();

      await signUp(stale.request);
      const token = tokenIn(
        await latestEmail(stale.request.email, 'email_verification'),
        '/verify-email',
      );

      expect((await verify(token)).statusCode).toBe(200);
      expect((await signIn(stale.request.email)).statusCode).toBe(200);
    });

    it('removes each clinic once when two workers run at the same moment', async () => {
      const stale = await Promise.all([signedUpAndExpired(9), signedUpAndExpired(9)]);

      const removed = await Promise.all([
        expiredSignups.removeExpired(),
        expiredSignups.removeExpired(),
      ]);

      expect(removed.reduce((sum, count) => sum + count, 0)).toBe(2);
      for (const { clinicId } of stale) {
        expect(await rowsOf(clinicId)).toEqual({ signups: 0, deliveries: 0, clinics: 0 });
      }
    });
  });

  it.each([['not-a-token'], [`${randomUUID()}.${'A'.repeat(43)}`]])(
    'refuses %s as a sign-up link',
    async (token) => {
      const response = await verify(token);

      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().code).toBe('signup_link_invalid');
    },
  );

  it.each<[string, object]>([
    ['clinicName', { clinicName: '   ' }],
    ['timeZone', { timeZone: 'EST' }],
    ['phone', { phone: 'call me' }],
    ['ownerName', { ownerName: '' }],
    ['email', { email: 'not-an-email' }],
    ['password', { password: 'short' }],
    ['password', { password: 'password1234' }],
  ])('refuses a sign-up with a bad %s, naming the field', async (field, change) => {
    const response = await signUp({ ...signupFor(`bad.${randomUUID()}@test.example`), ...change });

    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<ApiError>().fields ?? {})).toEqual([field]);
  });

  it('refuses a sign-up with an unknown field, and a verification without a token', async () => {
    const extra = await signUp({
      ...signupFor(`extra.${randomUUID()}@test.example`),
      plan: 'gold',
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<ApiError>().message).toContain('plan');

    const missing = await verify(42);
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json<ApiError>().fields ?? {})).toEqual(['token']);
  });
});
