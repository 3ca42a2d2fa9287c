import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiError,
  ClinicSettings,
  StaffInvitation,
  StaffInvitationPreview,
  StaffList,
  StaffMember,
} from '@ivks/contracts';
import { EMAIL_JOBS, type EmailJob } from '@ivks/server';
import type { Queue } from 'bullmq';
import type { Client } from 'pg';
import { RateLimits } from '../../apps/api/src/common/rate-limit';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient, PASSWORD } from './support/fixtures';

const NEW_PASSWORD = 'meadow kettle lantern compass';

describe('staff management and clinic settings', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let spruce: FixtureClinic;
  let larch: FixtureClinic;
  let emails: Queue<EmailJob>;
  let spruceOwner: string;

  beforeAll(async () => {
    owner = await ownerClient();
    spruce = await createClinic(owner, 'Spruce', 1);
    larch = await createClinic(owner, 'Larch', 1);
    app = await startApi();
    emails = app.get<Queue<EmailJob>>(EMAIL_JOBS);
    spruceOwner = await signIn(app, spruce.owner.email);
  });

  beforeEach(async () => {
    await app.get(RateLimits).clearAll();
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token: string | null,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      ...(token ? { headers: bearer(token) } : {}),
      ...(payload === undefined ? {} : { payload }),
    });

  const latestEmail = async (to: string, kind: string) => {
    const jobs = await emails.getJobs([
      'waiting',
      'delayed',
      'prioritized',
      'active',
      'completed',
      'failed',
    ]);

    return jobs
      .filter((job) => job.data.to === to && job.name === kind)
      .sort((a, b) => b.timestamp - a.timestamp)[0]?.data;
  };

  const invitationToken = async (to: string): Promise<string> => {
    const email = await latestEmail(to, 'staff_invitation');
    const link = new URL(/https?:\/\/\S+/.exec(email?.text ?? '')?.[0] ?? 'http://missing');
    const route = new URL(link.hash.slice(1), 'http://route.invalid');
    expect(route.pathname).toBe('/accept-invitation');

    return route.searchParams.get('token') ?? '';
  };

  const invite = async (email: string, role: 'admin' | 'clinician', as = spruceOwner) => {
    const response = await call('POST', '/staff/invitations', as, {
      email,
      displayName: `Invited ${role}`,
      role,
    });
    expect(response.statusCode).toBe(201);

    return { invitation: response.json<StaffInvitation>(), token: await invitationToken(email) };
  };

  const accept = (token: string, password = NEW_PASSWORD) =>
    call('POST', '/staff-invitations/accept', null, { token, password });

  const preview = (token: string) => call('GET', `/staff-invitations/${token}`, null);

  /** A new staff member of Spruce who accepted an invitation, signed in. */
  const joined = async (role: 'admin' | 'clinician') => {
    const email = `joined.${randomUUID()}@test.example`;
    const { token } = await invite(email, role);
    expect((await accept(token)).statusCode).toBe(200);
    const list = (await call('GET', '/staff', spruceOwner)).json<StaffList>();
    const member = list.members.find((candidate) => candidate.email === email) as StaffMember;

    return { member, email, accessToken: await signIn(app, email, NEW_PASSWORD) };
  };

  const refreshCookie = async (email: string, password: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password },
    });
    const cookie = response.cookies.find((candidate) => candidate.name === 'ivks_refresh');

    return cookie?.value ?? '';
  };

  const refresh = (cookie: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/refresh', cookies: { ivks_refresh: cookie } });

  const auditActions = async (clinicId: string, subjectId: string) =>
    (
      await owner.query<{ action: string }>(
        'SELECT action FROM audit_events WHERE clinic_id = $1 AND subject_id = $2 ORDER BY seq',
        [clinicId, subjectId],
      )
    ).rows.map((row) => row.action);

  it('lists the staff, never the patients, for owners and admins only', async () => {
    const response = await call('GET', '/staff', spruceOwner);

    expect(response.statusCode).toBe(200);
    const list = response.json<StaffList>();
    expect(list.members.map((member) => member.email).sort()).toEqual(
      [spruce.owner.email, spruce.clinician.email].sort(),
    );
    expect(list.members[0]).toEqual(
      expect.objectContaining({ status: 'active', deactivatedAt: null }),
    );
    const clinician = await signIn(app, spruce.clinician.email);
    expect((await call('GET', '/staff', clinician)).statusCode).toBe(403);
  });

  it('invites a new person, who chooses a password, joins and signs in', async () => {
    const email = `new.${randomUUID()}@test.example`;
    const { invitation, token } = await invite(email, 'clinician');

    expect(invitation).toEqual(
      expect.objectContaining({ email, role: 'clinician', expired: false }),
    );
    const listed = (await call('GET', '/staff', spruceOwner)).json<StaffList>();
    expect(listed.invitations.map((open) => open.id)).toContain(invitation.id);
    expect((await preview(token)).json<StaffInvitationPreview>()).toEqual({
      clinicName: spruce.name,
      email,
      displayName: 'Invited clinician',
      role: 'clinician',
      status: 'pending',
      needsPassword: true,
    });

    const weak = await accept(token, 'password1234');
    expect(weak.statusCode).toBe(400);
    expect(Object.keys(weak.json<ApiError>().fields ?? {})).toEqual(['password']);

    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ clinicId: spruce.id, email });
    expect((await preview(token)).json<StaffInvitationPreview>().status).toBe('accepted');
    const again = await accept(token);
    expect(again.statusCode).toBe(410);
    expect(again.json<ApiError>().message).toMatch(/sign in/i);

    await signIn(app, email, NEW_PASSWORD);
    const after = (await call('GET', '/staff', spruceOwner)).json<StaffList>();
    const member = after.members.find((candidate) => candidate.email === email);
    expect(member).toEqual(expect.objectContaining({ role: 'clinician', status: 'active' }));
    expect(after.invitations.map((open) => open.id)).not.toContain(invitation.id);
    expect(await auditActions(spruce.id, invitation.id)).toEqual(['staff.invited']);
    expect(await auditActions(spruce.id, member?.userId ?? '')).toEqual([
      'staff.invitation_accepted',
      'auth.signed_in',
    ]);
  });

  it('lets someone with an account join with their current password', async () => {
    const { token } = await invite(larch.owner.email, 'admin');

    expect((await preview(token)).json<StaffInvitationPreview>().needsPassword).toBe(false);
    const wrong = await accept(token, 'not the password of this account');
    expect(wrong.statusCode).toBe(401);
    expect(Object.keys(wrong.json<ApiError>().fields ?? {})).toEqual(['password']);
    expect((await accept(token, PASSWORD)).statusCode).toBe(200);

    const choose = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: larch.owner.email, password: PASSWORD },
    });
    expect(choose.json<ApiError>().code).toBe('clinic_required');
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: larch.owner.email, password: PASSWORD, clinicId: spruce.id },
    });
    expect(signedIn.statusCode).toBe(200);
  });

  it('sends a new link on resend, and the old one stops working', async () => {
    const email = `resent.${randomUUID()}@test.example`;
    const { invitation, token: oldToken } = await invite(email, 'clinician');

    const resent = await call('POST', `/staff/invitations/${invitation.id}/resend`, spruceOwner);

    expect(resent.statusCode).toBe(200);
    const newToken = await invitationToken(email);
    expect(newToken).not.toBe(oldToken);
    expect((await preview(oldToken)).statusCode).toBe(404);
    expect((await preview(newToken)).json<StaffInvitationPreview>().status).toBe('pending');
  });

  it('withdraws an invitation, after which it cannot be accepted or renewed', async () => {
    const email = `withdrawn.${randomUUID()}@test.example`;
    const { invitation, token } = await invite(email, 'clinician');

    expect(
      (await call('DELETE', `/staff/invitations/${invitation.id}`, spruceOwner)).statusCode,
    ).toBe(204);

    expect((await preview(token)).json<StaffInvitationPreview>().status).toBe('revoked');
    expect((await accept(token)).statusCode).toBe(410);
    const before = await emails.getJobCounts();
    expect((await call('POST', '/staff-invitations/fresh', null, { token })).statusCode).toBe(202);
    expect(await emails.getJobCounts()).toEqual(before);
    expect(
      (await call('POST', `/staff/invitations/${invitation.id}/resend`, spruceOwner)).statusCode,
    ).toBe(410);
  });

  it('sends the invited address a fresh link for an expired invitation', async () => {
    const email = `expired.${randomUUID()}@test.example`;
    const { invitation, token } = await invite(email, 'clinician');
    await owner.query(
      `UPDATE staff_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [invitation.id],
    );
    expect((await preview(token)).json<StaffInvitationPreview>().status).toBe('expired');
    const late = await accept(token);
    expect(late.statusCode).toBe(410);
    expect(late.json<ApiError>().message).toMatch(/fresh link/);

    const fresh = await call('POST', '/staff-invitations/fresh', null, { token });

    expect(fresh.statusCode).toBe(202);
    const freshToken = await invitationToken(email);
    expect(freshToken).not.toBe(token);
    expect((await preview(token)).statusCode).toBe(404);
    expect((await accept(freshToken)).statusCode).toBe(200);
    const garbage = await call('POST', '/staff-invitations/fresh', null, { token: 'nonsense' });
    expect(garbage.statusCode).toBe(202);
    expect(garbage.body).toBe(fresh.body);
  });

  it('refuses to invite someone already on the staff or already invited', async () => {
    const member = await call('POST', '/staff/invitations', spruceOwner, {
      email: spruce.clinician.email,
      displayName: 'Again',
      role: 'clinician',
    });
    expect(member.statusCode).toBe(409);
    expect(member.json<ApiError>()).toMatchObject({
      code: 'staff_already_member',
      fields: { email: [expect.any(String)] },
    });

    const email = `twice.${randomUUID()}@test.example`;
    await invite(email, 'clinician');
    const twice = await call('POST', '/staff/invitations', spruceOwner, {
      email,
      displayName: 'Twice',
      role: 'admin',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ApiError>().code).toBe('staff_already_invited');
  });

  it('keeps owners for owners, and always one active owner', async () => {
    const admin = await joined('admin');
    const clinician = await joined('clinician');
    const ownerMembership = spruce.owner.membershipId;

    const makeOwner = await call(
      'PATCH',
      `/staff/${clinician.member.membershipId}`,
      admin.accessToken,
      {
        role: 'owner',
      },
    );
    expect(makeOwner.statusCode).toBe(403);
    expect(makeOwner.json<ApiError>().code).toBe('staff_change_forbidden');
    const demoteOwner = await call('PATCH', `/staff/${ownerMembership}`, admin.accessToken, {
      role: 'clinician',
    });
    expect(demoteOwner.statusCode).toBe(403);
    const promote = await call(
      'PATCH',
      `/staff/${clinician.member.membershipId}`,
      admin.accessToken,
      {
        role: 'admin',
      },
    );
    expect(promote.statusCode).toBe(200);
    expect(promote.json<StaffMember>().role).toBe('admin');

    const lastOwner = await call('PATCH', `/staff/${ownerMembership}`, spruceOwner, {
      role: 'admin',
    });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json<ApiError>().code).toBe('staff_last_owner');
    const selfDeactivation = await call(
      'POST',
      `/staff/${ownerMembership}/deactivate`,
      spruceOwner,
    );
    expect(selfDeactivation.statusCode).toBe(403);

    const patient = await call('PATCH', `/staff/${spruce.patientUser.membershipId}`, spruceOwner, {
      role: 'clinician',
    });
    expect(patient.statusCode).toBe(404);

    // Losing rights ends the sessions, so the old role's rights do not outlive a refresh.
    const cookie = await refreshCookie(clinician.email, NEW_PASSWORD);
    const demote = await call('PATCH', `/staff/${clinician.member.membershipId}`, spruceOwner, {
      role: 'clinician',
    });
    expect(demote.statusCode).toBe(200);
    expect((await refresh(cookie)).statusCode).toBe(401);
    expect(await auditActions(spruce.id, clinician.member.userId)).toEqual(
      expect.arrayContaining(['staff.role_changed']),
    );
  });

  it('ends a deactivated person’s sessions at once, and lets them back on reactivation', async () => {
    const clinician = await joined('clinician');
    const cookie = await refreshCookie(clinician.email, NEW_PASSWORD);
    expect(cookie).not.toBe('');

    const deactivated = await call(
      'POST',
      `/staff/${clinician.member.membershipId}/deactivate`,
      spruceOwner,
    );

    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json<StaffMember>()).toEqual(
      expect.objectContaining({
        status: 'deactivated',
        deactivatedAt: expect.any(String) as string,
      }),
    );
    expect((await refresh(cookie)).statusCode).toBe(401);
    const signInAgain = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: clinician.email, password: NEW_PASSWORD },
    });
    expect(signInAgain.statusCode).toBe(401);

    const reactivated = await call(
      'POST',
      `/staff/${clinician.member.membershipId}/reactivate`,
      spruceOwner,
    );
    expect(reactivated.json<StaffMember>().status).toBe('active');
    await signIn(app, clinician.email, NEW_PASSWORD);
    expect(await auditActions(spruce.id, clinician.member.userId)).toEqual(
      expect.arrayContaining(['staff.deactivated', 'staff.reactivated']),
    );
  });

  it('answers another clinic’s ids as unknown', async () => {
    // Larch's owner also joined Spruce above, so they name the clinic they sign in to.
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: larch.owner.email, password: PASSWORD, clinicId: larch.id },
      })
    ).json<{ accessToken: string }>().accessToken;
    const { invitation } = await invite(`cross.${randomUUID()}@test.example`, 'clinician');

    const responses = [
      await call('PATCH', `/staff/${spruce.clinician.membershipId}`, token, { role: 'admin' }),
      await call('POST', `/staff/${spruce.clinician.membershipId}/deactivate`, token),
      await call('POST', `/staff/invitations/${invitation.id}/resend`, token),
      await call('DELETE', `/staff/invitations/${invitation.id}`, token),
    ];

    expect(responses.map((response) => response.statusCode)).toEqual([404, 404, 404, 404]);
  });

  it.each<[string, string, string, object, string[]]>([
    [
      'POST',
      '/staff/invitations',
      'owner',
      { email: 'x', displayName: '', role: 'owner' },
      ['email', 'displayName', 'role'],
    ],
    ['PATCH', '/staff/{member}', 'owner', { role: 'patient' }, ['role']],
    ['POST', '/staff-invitations/accept', 'none', { token: 7 }, ['token', 'password']],
    ['POST', '/staff-invitations/fresh', 'none', {}, ['token']],
    [
      'PATCH',
      '/clinic',
      'owner',
      { timeZone: 'EST', mfaRequired: 'yes' },
      ['timeZone', 'mfaRequired'],
    ],
    ['PATCH', '/clinic', 'owner', { name: null, phone: 'call me' }, ['name', 'phone']],
  ])('refuses bad input to %s %s, naming the fields', async (method, path, who, body, fields) => {
    const url = path.replace('{member}', spruce.clinician.membershipId);
    const response = await call(
      method as 'POST' | 'PATCH',
      url,
      who === 'owner' ? spruceOwner : null,
      body,
    );

    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json<ApiError>().fields ?? {}).sort()).toEqual([...fields].sort());
  });

  it('refuses a malformed staff id and unknown fields', async () => {
    expect((await call('POST', '/staff/not-an-id/deactivate', spruceOwner)).statusCode).toBe(400);
    const extra = await call('POST', '/staff/invitations', spruceOwner, {
      email: `extra.${randomUUID()}@test.example`,
      displayName: 'Extra',
      role: 'clinician',
      clinicId: larch.id,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json<ApiError>().message).toContain('clinicId');
  });

  it('shows the clinic to any staff member and lets owners and admins change it', async () => {
    const clinician = await signIn(app, spruce.clinician.email);
    const seen = await call('GET', '/clinic', clinician);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<ClinicSettings>()).toEqual(
      expect.objectContaining({ id: spruce.id, name: spruce.name, mfaRequired: false }),
    );
    expect((await call('PATCH', '/clinic', clinician, { name: 'Nope' })).statusCode).toBe(403);
    const patient = await signIn(app, spruce.patientUser.email);
    expect((await call('GET', '/clinic', patient)).statusCode).toBe(403);

    const changed = await call('PATCH', '/clinic', spruceOwner, {
      phone: '+1 206 555 0199',
      timeZone: 'America/Los_Angeles',
    });

    expect(changed.statusCode).toBe(200);
    expect(changed.json<ClinicSettings>()).toEqual(
      expect.objectContaining({ phone: '+1 206 555 0199', timeZone: 'America/Los_Angeles' }),
    );
    const { rows } = await owner.query<{ details: unknown }>(
      `SELECT details FROM audit_events WHERE clinic_id = $1 AND action = 'clinic.settings_changed'`,
      [spruce.id],
    );
    expect(rows).toEqual([{ details: { fields: ['timeZone', 'phone'] } }]);
  });
});
