import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

/** Words that would tell someone glancing at a phone what the appointment is for. */
const TREATMENT_WORDS = /ketamine|infusion|therapy|treatment|clinic|depress|psychiatr|dose/i;

interface CreatedLink {
  id: string;
  purpose: string;
  createdAt: string;
  token: string;
}

describe('patient links', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let clinic: FixtureClinic;
  let other: FixtureClinic;
  let patientToken: string;

  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner, 'Larch');
    other = await createClinic(owner, 'Rowan');
    app = await startApi();
    patientToken = await signIn(app, clinic.patientUser.email);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const createLink = async (purpose: string, token = patientToken) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/me/links',
      headers: bearer(token),
      payload: { purpose },
    });

  describe('the calendar feed', () => {
    it('lists the patient’s appointments with titles that say nothing about treatment', async () => {
      const link = (await createLink('calendar')).json<CreatedLink>();
      const feed = await app.inject({ method: 'GET', url: `/api/v1/calendar/${link.token}` });

      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toContain('text/calendar');
      const { default: ICAL } = await import('ical.js');
      const calendar = new ICAL.Component(ICAL.parse(feed.body) as unknown[]);
      const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
      expect(events).toHaveLength(2);
      for (const event of events) {
        expect(event.summary).toBe('Appointment');
        expect(`${event.summary} ${event.description} ${event.location}`).not.toMatch(
          TREATMENT_WORDS,
        );
        expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(
          60 * 60_000,
        );
      }
      expect(feed.body).not.toMatch(TREATMENT_WORDS);
      expect(feed.body).not.toContain(clinic.name);
    });

    it('stops working when it is revoked, and when a new one replaces it', async () => {
      const first = (await createLink('calendar')).json<CreatedLink>();
      const second = (await createLink('calendar')).json<CreatedLink>();

      const replaced = await app.inject({ method: 'GET', url: `/api/v1/calendar/${first.token}` });
      expect(replaced.statusCode).toBe(404);
      expect(replaced.json<{ code: string }>().code).toBe('link_not_found');

      const revoke = await app.inject({
        method: 'DELETE',
        url: `/api/v1/me/links/${second.id}`,
        headers: bearer(patientToken),
      });
      expect(revoke.statusCode).toBe(204);
      const revoked = await app.inject({ method: 'GET', url: `/api/v1/calendar/${second.token}` });
      expect(revoked.statusCode).toBe(404);
    });

    it('does not open with a chaperone link, a changed secret or a malformed token', async () => {
      const chaperone = (await createLink('chaperone')).json<CreatedLink>();
      const calendar = (await createLink('calendar')).json<CreatedLink>();
      const changed = `${calendar.id}.${'A'.repeat(43)}`;

      for (const token of [chaperone.token, changed, 'not-a-token', `${calendar.id}.x.y`]) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/calendar/${token}` });
        expect(response.statusCode).toBe(404);
      }
    });
  });

  describe('the chaperone page', () => {
    it('shows the first name, the clinic, the visits and the tips, and no health information', async () => {
      const link = (await createLink('chaperone')).json<CreatedLink>();
      const page = await app.inject({ method: 'GET', url: `/api/v1/chaperone/${link.token}` });

      expect(page.statusCode).toBe(200);
      const view = page.json<{
        patientGivenName: string;
        clinic: { name: string };
        visits: { startsAt: string; endsAt: string }[];
        tips: { title: string; tips: string[] }[];
      }>();
      expect(view.patientGivenName).toBe('Larch');
      expect(view.clinic.name).toBe(clinic.name);
      expect(view.visits).toHaveLength(2);
      expect(view.tips.length).toBeGreaterThan(0);
      expect(Object.keys(view).sort()).toEqual([
        'clinic',
        'patientGivenName',
        'timeZone',
        'tips',
        'visits',
      ]);
      expect(page.body).not.toContain('Patient0');
      expect(page.body).not.toContain('@test.example');
    });
  });

  describe('who may manage links', () => {
    it('lists only the signed-in patient’s live links, without their secrets', async () => {
      await createLink('calendar');
      const list = await app.inject({
        method: 'GET',
        url: '/api/v1/me/links',
        headers: bearer(patientToken),
      });

      expect(list.statusCode).toBe(200);
      const links = list.json<Record<string, unknown>[]>();
      expect(links.map((link) => link.purpose).sort()).toEqual(['calendar', 'chaperone']);
      expect(links.every((link) => !('token' in link) && !('secretHash' in link))).toBe(true);
    });

    it('keeps staff out of the patient’s links', async () => {
      const staff = await signIn(app, clinic.clinician.email);
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/me/links',
        headers: bearer(staff),
      });

      expect(response.statusCode).toBe(403);
    });

    it('cannot revoke another clinic’s link, and says so as if it did not exist', async () => {
      const othersPatient = await signIn(app, other.patientUser.email);
      const theirs = (await createLink('calendar', othersPatient)).json<CreatedLink>();
      const response = await app.inject({
        method: 'DELETE',
        url: `/api/v1/me/links/${theirs.id}`,
        headers: bearer(patientToken),
      });

      expect(response.statusCode).toBe(404);
      const stillWorks = await app.inject({
        method: 'GET',
        url: `/api/v1/calendar/${theirs.token}`,
      });
      expect(stillWorks.statusCode).toBe(200);
    });

    it('refuses an unknown purpose and a malformed id, naming them', async () => {
      const purpose = await createLink('diary');
      expect(purpose.statusCode).toBe(400);
      expect(purpose.json<{ fields: Record<string, string[]> }>().fields).toHaveProperty('purpose');

      const id = await app.inject({
        method: 'DELETE',
        url: '/api/v1/me/links/not-an-id',
        headers: bearer(patientToken),
      });
      expect(id.statusCode).toBe(400);
      expect(id.json<{ message: string }>().message).toContain('link');
    });

    it('is invisible to the clinic’s staff in the database itself', async () => {
      const asApp = new Client({ connectionString: process.env.DATABASE_URL });
      await asApp.connect();
      try {
        const visible = async (role: string, userId: string) => {
          await asApp.query('BEGIN');
          await asApp.query(
            `SELECT set_config('app.clinic_id', $1, true), set_config('app.user_id', $2, true),
                    set_config('app.role', $3, true)`,
            [clinic.id, userId, role],
          );
          const { rows } = await asApp.query<{ count: number }>(
            'SELECT count(*)::int AS count FROM patient_links',
          );
          await asApp.query('COMMIT');

          return rows[0]?.count;
        };

        expect(await visible('patient', clinic.patientUser.userId)).toBeGreaterThan(0);
        expect(await visible('admin', clinic.owner.userId)).toBe(0);
        expect(await visible('clinician', clinic.clinician.userId)).toBe(0);
      } finally {
        await asApp.end();
      }
    });
  });
});
