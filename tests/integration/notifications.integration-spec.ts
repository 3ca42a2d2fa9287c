import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NeedsAttention, NotificationPage, SharedJournalEntrySummary } from '@ivks/contracts';
import type { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { addPatient, createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

describe('notifications and needs attention', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let cedar: FixtureClinic;
  let patient: Record<string, string>;
  let staff: Record<string, string>;
  let clinician: Record<string, string>;

  /** A sent reminder of the clinic's first patient and the notification it left. */
  const notify = async (title: string) => {
    const id = randomUUID();
    await owner.query(
      `WITH occurrence AS (
         INSERT INTO reminder_occurrences
           (clinic_id, kind, subject_id, slot, patient_id, due_at, fingerprint, status, sent_at)
         VALUES ($1, 'journal_prompt', gen_random_uuid(), 'once', $2, now(), 'x', 'sent', now())
         RETURNING id
       )
       INSERT INTO notifications
         (clinic_id, id, patient_id, kind, title, body, link, occurrence_id, occurrence_version)
       SELECT $1, $3, $2, 'journal_prompt', $4, 'Body', '/journal', id, 1 FROM occurrence`,
      [cedar.id, cedar.patientIds[0], id, title],
    );

    return id;
  };

  beforeAll(async () => {
    owner = await ownerClient();
    cedar = await createClinic(owner, 'Cedar', 1);
    app = await startApi();
    patient = bearer(await signIn(app, cedar.patientUser.email));
    staff = bearer(await signIn(app, cedar.owner.email));
    clinician = bearer(await signIn(app, cedar.clinician.email));
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  describe('the patient’s notifications', () => {
    it('lists them newest first with the unread count, and clears the count when read', async () => {
      const older = await notify('Older');
      await notify('Newer');

      const listed = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notifications?perPage=1',
        headers: patient,
      });
      expect(listed.statusCode).toBe(200);
      const page = listed.json<NotificationPage>();
      expect(page).toMatchObject({ total: 2, unread: 2, data: [{ title: 'Newer', readAt: null }] });

      const read = await app.inject({
        method: 'POST',
        url: `/api/v1/me/notifications/${older}/read`,
        headers: patient,
      });
      expect(read.statusCode).toBe(200);
      const readAt = read.json<{ readAt: string }>().readAt;
      expect(readAt).toEqual(expect.any(String));
      const again = await app.inject({
        method: 'POST',
        url: `/api/v1/me/notifications/${older}/read`,
        headers: patient,
      });
      expect(again.json<{ readAt: string }>().readAt).toBe(readAt);

      const all = await app.inject({
        method: 'POST',
        url: '/api/v1/me/notifications/read-all',
        headers: patient,
      });
      expect(all.json()).toEqual({ unread: 0 });
      const after = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notifications',
        headers: patient,
      });
      expect(after.json<NotificationPage>().unread).toBe(0);
    });

    it('does not show one patient another patient’s notifications', async () => {
      const id = await notify('Only for the first patient');
      const other = await addPatient(owner, cedar, 'Europe/Berlin');
      const otherToken = bearer(await signIn(app, other.email));

      const listed = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notifications',
        headers: otherToken,
      });
      expect(listed.json<NotificationPage>()).toMatchObject({ total: 0, unread: 0 });
      const read = await app.inject({
        method: 'POST',
        url: `/api/v1/me/notifications/${id}/read`,
        headers: otherToken,
      });
      expect(read.statusCode).toBe(404);
      expect(read.json()).toMatchObject({ code: 'notification_not_found' });
    });

    it.each([
      ['page=0', 'page'],
      ['perPage=500', 'perPage'],
      ['perPage=many', 'perPage'],
      ['unread=true', 'unread'],
    ])('refuses the query %s naming %s', async (query, field) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/me/notifications?${query}`,
        headers: patient,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toContain(field);
    });

    it('refuses a malformed notification id, naming it', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/me/notifications/not-an-id/read',
        headers: patient,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toContain('notification id');
    });

    it('answers staff with 403: the notifications are the patient’s', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notifications',
        headers: staff,
      });

      expect(response.statusCode).toBe(403);
    });
  });

  describe('notification preferences', () => {
    const valid = {
      emailEnabled: false,
      inAppEnabled: true,
      quietHoursStart: '22:15',
      quietHoursEnd: '07:00',
    };

    it('starts from the defaults and keeps what the patient saves', async () => {
      const other = await addPatient(owner, cedar, 'America/Chicago');
      const token = bearer(await signIn(app, other.email));
      const initial = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notification-preferences',
        headers: token,
      });
      expect(initial.json()).toEqual({
        emailEnabled: true,
        inAppEnabled: true,
        quietHoursStart: '21:00',
        quietHoursEnd: '08:00',
      });

      for (const body of [valid, { ...valid, emailEnabled: true }]) {
        const saved = await app.inject({
          method: 'PUT',
          url: '/api/v1/me/notification-preferences',
          headers: token,
          payload: body,
        });
        expect(saved.statusCode).toBe(200);
      }
      const read = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notification-preferences',
        headers: token,
      });
      expect(read.json()).toEqual({ ...valid, emailEnabled: true });
    });

    it.each([
      ['quietHoursStart', { ...valid, quietHoursStart: '25:00' }],
      ['quietHoursStart', { ...valid, quietHoursStart: '9:00' }],
      ['quietHoursEnd', { ...valid, quietHoursEnd: '07:00:00' }],
      ['emailEnabled', { ...valid, emailEnabled: 'yes' }],
      ['inAppEnabled', { emailEnabled: true, quietHoursStart: '21:00', quietHoursEnd: '08:00' }],
      ['sms', { ...valid, sms: true }],
    ])('refuses a body with a bad %s, and stores nothing', async (field, body) => {
      const before = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notification-preferences',
        headers: patient,
      });
      const response = await app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        headers: patient,
        payload: body,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string; message: string }>()).toMatchObject({
        code: 'validation_failed',
      });
      expect(response.json<{ message: string }>().message).toContain(field);
      const after = await app.inject({
        method: 'GET',
        url: '/api/v1/me/notification-preferences',
        headers: patient,
      });
      expect(after.json()).toEqual(before.json());
    });
  });

  describe('needs attention', () => {
    /** Saves the patient's words, again and again, as one entry. */
    const journalWriter = () => {
      const clientId = randomUUID();

      return (text: string) =>
        app.inject({
          method: 'PUT',
          url: `/api/v1/me/journal/${clientId}`,
          headers: patient,
          payload: { text, status: 'saved' },
        });
    };
    const share = (entryId: string) =>
      app.inject({ method: 'POST', url: `/api/v1/me/journal/${entryId}/share`, headers: patient });

    it('lists what each member of staff should look at, for the patients they may see', async () => {
      const [first] = cedar.patientIds;
      // The first patient, on the clinician's care team, has been quiet since an infusion.
      await owner.query(
        `INSERT INTO infusions (clinic_id, patient_id, scheduled_at, status)
         VALUES ($1, $2, now() - interval '3 days', 'completed')`,
        [cedar.id, first],
      );
      const shared = await app.inject({
        method: 'PUT',
        url: `/api/v1/me/journal/${randomUUID()}`,
        headers: patient,
        payload: { text: 'I want to kill myself', status: 'saved' },
      });
      const entryId = shared.json<{ id: string }>().id;
      await share(entryId);
      // A second patient, on no care team, has an infusion today and has not confirmed.
      const other = await addPatient(owner, cedar, 'America/New_York');
      await owner.query('DELETE FROM care_team_members WHERE clinic_id = $1 AND patient_id = $2', [
        cedar.id,
        other.patientId,
      ]);
      await owner.query(
        `INSERT INTO infusions (clinic_id, patient_id, scheduled_at)
         VALUES ($1, $2, now() + interval '3 hours')`,
        [cedar.id, other.patientId],
      );
      await owner.query(
        `WITH occurrence AS (
           INSERT INTO reminder_occurrences (clinic_id, kind, subject_id, slot, patient_id, due_at,
             fingerprint, status, sent_at, email_delivery_id)
           VALUES ($1, 'journal_prompt', gen_random_uuid(), 'once', $2, now(), 'x', 'sent', now(),
             gen_random_uuid())
           RETURNING email_delivery_id
         )
         INSERT INTO email_deliveries (clinic_id, id, kind, recipient, status, failed_at)
         SELECT $1, email_delivery_id, 'reminder', 'someone@test.example', 'failed', now()
         FROM occurrence`,
        [cedar.id, other.patientId],
      );

      const asOwner = await app.inject({
        method: 'GET',
        url: '/api/v1/needs-attention',
        headers: staff,
      });
      const asClinician = await app.inject({
        method: 'GET',
        url: '/api/v1/needs-attention',
        headers: clinician,
      });
      expect(asOwner.statusCode).toBe(200);
      expect(asClinician.statusCode).toBe(200);
      const kinds = (response: typeof asOwner) =>
        response
          .json<NeedsAttention>()
          .items.map((item) => `${item.kind} ${item.patientId === first ? 'first' : 'other'}`);

      // The shared entry is activity the clinician can see, so the first patient is not quiet to
      // them. The owner is on no care team: the entry, and so the flag, stay out of their list.
      expect(kinds(asClinician)).toEqual(['crisis_flag first']);
      expect(kinds(asOwner)).toEqual([
        'readiness_missing other',
        'no_activity first',
        'reminder_email_failed other',
      ]);
      const [flag] = asClinician.json<NeedsAttention>().items;
      expect(flag).toMatchObject({
        subjectId: entryId,
        link: `/journal/${entryId}`,
        patientName: expect.stringContaining('Cedar') as unknown,
      });
    });

    it('keeps a crisis flag through an edit that takes the words back, and after discharge', async () => {
      const write = journalWriter();
      const entryId = (await write('Some nights I want to die')).json<{ id: string }>().id;
      await share(entryId);
      expect((await write('It has passed now, I am fine')).statusCode).toBe(200);
      await owner.query(
        `UPDATE patients SET status = 'discharged', discharged_at = now()
         WHERE clinic_id = $1 AND id = $2`,
        [cedar.id, cedar.patientIds[0]],
      );

      const list = await app.inject({
        method: 'GET',
        url: '/api/v1/needs-attention',
        headers: clinician,
      });
      await owner.query(
        `UPDATE patients SET status = 'active', discharged_at = NULL
         WHERE clinic_id = $1 AND id = $2`,
        [cedar.id, cedar.patientIds[0]],
      );

      expect(
        list
          .json<NeedsAttention>()
          .items.filter((item) => item.subjectId === entryId)
          .map((item) => item.kind),
      ).toEqual(['crisis_flag']);
    });

    it('puts an entry the patient changed after its review back on the list, flagged if it must be', async () => {
      const write = journalWriter();
      const itemsOf = async (entryId: string) =>
        (await app.inject({ method: 'GET', url: '/api/v1/needs-attention', headers: clinician }))
          .json<NeedsAttention>()
          .items.filter((item) => item.subjectId === entryId)
          .map((item) => item.kind);
      const entryId = (await write('A quiet evening after the infusion')).json<{ id: string }>().id;
      await share(entryId);
      expect(await itemsOf(entryId)).toEqual(['shared_entry']);
      const reviewed = await app.inject({
        method: 'PUT',
        url: `/api/v1/journal/${entryId}/reviewed`,
        headers: clinician,
        payload: { reviewed: true },
      });
      expect(reviewed.json<SharedJournalEntrySummary>().reviewedAt).toEqual(expect.any(String));

      expect((await write('A quiet evening after the infusion')).statusCode).toBe(200);
      const afterSameWords = await itemsOf(entryId);
      expect((await write('I keep thinking about killing myself')).statusCode).toBe(200);
      const summary = await app.inject({
        method: 'GET',
        url: `/api/v1/journal/${entryId}`,
        headers: clinician,
      });

      expect(afterSameWords).toEqual([]);
      expect(await itemsOf(entryId)).toEqual(['crisis_flag']);
      expect(summary.json<SharedJournalEntrySummary>()).toMatchObject({
        crisisThemes: ['suicide'],
        reviewedAt: null,
      });
    });

    it('refuses patients', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/needs-attention',
        headers: patient,
      });

      expect(response.statusCode).toBe(403);
    });

    it('refuses a query it does not take, naming it', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/needs-attention?kind=crisis_flag',
        headers: staff,
      });

      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toContain('kind');
    });
  });
});
