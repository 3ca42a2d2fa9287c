import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiError,
  CareTeam,
  JournalEntryView,
  JournalRead,
  SavedJournalEntry,
  SharedJournalEntry,
  SharedJournalEntrySummary,
} from '@ivks/contracts';
import { TenantTransactions } from '@ivks/server';
import type { Client } from 'pg';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { bearer, signIn, startApi } from './support/api';
import {
  addPatient,
  createClinic,
  type FixtureClinic,
  ownerClient,
  PASSWORD,
} from './support/fixtures';

const STAFF_ROLES = ['clinician', 'outsider', 'owner'] as const;

describe('the integration journal', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let tenants: TenantTransactions;
  let clinic: FixtureClinic;
  /** A second clinician of the clinic, on nobody's care team. */
  let outsider: { userId: string; membershipId: string; email: string };
  let tokens: Record<'patient' | (typeof STAFF_ROLES)[number], Record<string, string>>;

  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner, 'Juniper');
    outsider = {
      userId: randomUUID(),
      membershipId: randomUUID(),
      email: `outsider.${clinic.id.slice(0, 8)}@test.example`,
    };
    await owner.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)', [
      outsider.userId,
      outsider.email,
      await hashPassword(PASSWORD),
    ]);
    await owner.query(
      `INSERT INTO memberships (clinic_id, id, user_id, role, display_name)
       VALUES ($1, $2, $3, 'clinician', 'Outside clinician')`,
      [clinic.id, outsider.membershipId, outsider.userId],
    );
    app = await startApi();
    tenants = app.get(TenantTransactions);
    tokens = {
      patient: bearer(await signIn(app, clinic.patientUser.email)),
      clinician: bearer(await signIn(app, clinic.clinician.email)),
      outsider: bearer(await signIn(app, outsider.email)),
      owner: bearer(await signIn(app, clinic.owner.email)),
    };
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const save = (
    text: string,
    extra: Record<string, unknown> = {},
    clientId = randomUUID(),
    headers = tokens.patient,
  ) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/me/journal/${clientId}`,
      headers,
      payload: { text, status: 'saved', ...extra },
    });

  const problem = (response: Awaited<ReturnType<typeof save>>) => {
    const error = response.json<ApiError>();

    return { status: response.statusCode, code: error.code, message: error.message };
  };

  const saved = async (text: string): Promise<SavedJournalEntry> => {
    const response = await save(text);
    expect(response.statusCode).toBe(200);

    return response.json<SavedJournalEntry>();
  };

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: headers as Record<string, string> });

  const share = async (id: string) => {
    expect((await call('POST', `/me/journal/${id}/share`, tokens.patient)).statusCode).toBe(200);
  };

  /** Entry ids a clinician's own database session returns, under their clinic, user and role. */
  const idsSeenInDatabaseBy = (userId: string) =>
    tenants.run({ clinicId: clinic.id, userId, role: 'clinician' }, async (manager) =>
      (await manager.query<{ id: string }[]>('SELECT id FROM journal_entries')).map(
        (row) => row.id,
      ),
    );

  const visibleTo = async (role: (typeof STAFF_ROLES)[number], id: string) => {
    const read = await call('GET', `/journal/${id}`, tokens[role]);
    const feed = await call('GET', '/journal/shared', tokens[role]);
    const ofPatient = await call('GET', `/patients/${clinic.patientIds[0]}/journal`, tokens[role]);
    // A member of staff who may not see the patient at all gets no list of theirs.
    const listed = [feed, ofPatient].some(
      (response) =>
        response.statusCode === 200 &&
        response.json<SharedJournalEntrySummary[]>().some((entry) => entry.id === id),
    );
    expect(read.statusCode === 200).toBe(listed);

    return read.statusCode === 200;
  };

  describe('privacy', () => {
    it('keeps a private entry from every member of staff, through the API and the database', async () => {
      const entry = await saved('Private thoughts about my mother.');

      expect(entry.sharing).toEqual({ shared: false, via: null, since: null });
      for (const role of STAFF_ROLES) {
        expect(await visibleTo(role, entry.id)).toBe(false);
        const read = await call('GET', `/journal/${entry.id}`, tokens[role]);
        expect(read.json<ApiError>().code).toBe('journal_entry_not_found');
        expect(read.body).not.toContain('mother');
      }
      expect(await idsSeenInDatabaseBy(clinic.clinician.userId)).not.toContain(entry.id);
    });

    it('shows a shared entry to the care team only, and hides it again on revoking', async () => {
      const entry = await saved('The music helped me stay with it.');
      await share(entry.id);

      expect(await visibleTo('clinician', entry.id)).toBe(true);
      const read = (
        await call('GET', `/journal/${entry.id}`, tokens.clinician)
      ).json<SharedJournalEntry>();
      expect(read.text).toBe('The music helped me stay with it.');
      expect(await visibleTo('outsider', entry.id)).toBe(false);
      expect(await visibleTo('owner', entry.id)).toBe(false);
      expect(await idsSeenInDatabaseBy(clinic.clinician.userId)).toContain(entry.id);
      expect(await idsSeenInDatabaseBy(outsider.userId)).not.toContain(entry.id);

      const revoked = await call('DELETE', `/me/journal/${entry.id}/share`, tokens.patient);
      expect(revoked.json<JournalEntryView>().sharing.shared).toBe(false);
      expect(await visibleTo('clinician', entry.id)).toBe(false);
      expect(await idsSeenInDatabaseBy(clinic.clinician.userId)).not.toContain(entry.id);
    });

    it('shares entries made after "share all" is turned on, never earlier ones', async () => {
      const before = await saved('Written before sharing all.');
      const on = await app.inject({
        method: 'PUT',
        url: '/api/v1/me/journal/share-all',
        headers: tokens.patient,
        payload: { enabled: true },
      });
      expect(on.json()).toMatchObject({
        enabled: true,
        consentVersion: expect.any(String) as string,
      });
      const after = await saved('Written after sharing all.');

      expect(after.sharing.via).toBe('all');
      expect(await visibleTo('clinician', after.id)).toBe(true);
      expect(await visibleTo('clinician', before.id)).toBe(false);

      const unshared = await call('DELETE', `/me/journal/${after.id}/share`, tokens.patient);
      expect(problem(unshared)).toEqual({
        status: 409,
        code: 'journal_entry_shared_with_all',
        message: expect.stringMatching(/Turn off sharing all entries/) as string,
      });
      expect(await visibleTo('clinician', after.id)).toBe(true);

      await app.inject({
        method: 'PUT',
        url: '/api/v1/me/journal/share-all',
        headers: tokens.patient,
        payload: { enabled: false },
      });
      expect(await visibleTo('clinician', after.id)).toBe(false);
    });

    it('stops showing an entry to staff the moment it is deleted', async () => {
      const entry = await saved('Soon gone.');
      await share(entry.id);
      expect(await visibleTo('clinician', entry.id)).toBe(true);

      expect((await call('DELETE', `/me/journal/${entry.id}`, tokens.patient)).statusCode).toBe(
        204,
      );
      expect(await visibleTo('clinician', entry.id)).toBe(false);
      expect((await call('GET', `/me/journal/${entry.id}`, tokens.patient)).statusCode).toBe(404);
    });

    it('hides shared entries from a clinician taken off the care team', async () => {
      const entry = await saved('For my care team.');
      await share(entry.id);
      const setTeam = (membershipIds: string[]) =>
        app.inject({
          method: 'PUT',
          url: `/api/v1/patients/${clinic.patientIds[0]}/care-team`,
          headers: tokens.owner,
          payload: { membershipIds },
        });

      const changed = await setTeam([outsider.membershipId]);
      expect(changed.json<CareTeam>().members.map((member) => member.membershipId)).toEqual([
        outsider.membershipId,
      ]);
      expect(await visibleTo('clinician', entry.id)).toBe(false);
      expect(await visibleTo('outsider', entry.id)).toBe(true);

      await setTeam([clinic.clinician.membershipId]);
      expect(await visibleTo('outsider', entry.id)).toBe(false);
      expect(await visibleTo('clinician', entry.id)).toBe(true);
    });

    it('stores no entry or reply text in the database', async () => {
      const text = 'A sentence that must never appear in a database dump.';
      const entry = await saved(text);
      await share(entry.id);
      const replyText = 'A reply that must not appear either.';
      await app.inject({
        method: 'POST',
        url: `/api/v1/journal/${entry.id}/replies`,
        headers: tokens.clinician,
        payload: { text: replyText },
      });

      const { rows: columns } = await owner.query<{ body: string }>(
        'SELECT body_ciphertext::text AS body FROM journal_entries',
      );
      const { rows: dump } = await owner.query<{ row: string }>(
        `SELECT t::text AS row FROM journal_entries t
         UNION ALL SELECT t::text FROM journal_replies t`,
      );
      const everything = [...columns.map((row) => row.body), ...dump.map((row) => row.row)].join(
        '\n',
      );
      for (const words of [text, replyText]) {
        expect(everything).not.toContain(words);
        expect(everything).not.toContain(Buffer.from(words, 'utf8').toString('hex'));
      }
      expect(dump.length).toBeGreaterThan(0);
    });
  });

  describe('saving', () => {
    it('keeps one entry when the same draft is submitted twice at once', async () => {
      const clientId = randomUUID();
      const [first, second] = await Promise.all([
        save('Twice.', {}, clientId),
        save('Twice.', {}, clientId),
      ]);

      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect(first.json<SavedJournalEntry>().id).toBe(second.json<SavedJournalEntry>().id);
      const { rows } = await owner.query(
        'SELECT 1 FROM journal_entries WHERE clinic_id = $1 AND client_id = $2',
        [clinic.id, clientId],
      );
      expect(rows).toHaveLength(1);
    });

    it('autosaves a draft in place and keeps a saved entry saved', async () => {
      const clientId = randomUUID();
      const draft = (
        await save('Draft one', { status: 'draft', mood: 4 }, clientId)
      ).json<SavedJournalEntry>();
      const final = (
        await save('Draft one, finished', { tags: ['calm'] }, clientId)
      ).json<SavedJournalEntry>();
      const late = (
        await save('Draft one, finished', { status: 'draft' }, clientId)
      ).json<SavedJournalEntry>();

      expect(draft.status).toBe('draft');
      expect(final).toMatchObject({ id: draft.id, status: 'saved', mood: null, tags: ['calm'] });
      expect(late.status).toBe('saved');
      const list = (await call('GET', '/me/journal', tokens.patient)).json<JournalEntryView[]>();
      expect(list.filter((entry) => entry.id === draft.id)).toHaveLength(1);
      expect(list.find((entry) => entry.id === draft.id)?.text).toBe('Draft one, finished');
    });

    it('keeps drafts from the care team even under "share all"', async () => {
      await app.inject({
        method: 'PUT',
        url: '/api/v1/me/journal/share-all',
        headers: tokens.patient,
        payload: { enabled: true },
      });
      const draft = (await save('Half a thought', { status: 'draft' })).json<SavedJournalEntry>();

      expect(await visibleTo('clinician', draft.id)).toBe(false);
      const shareDraft = await call('POST', `/me/journal/${draft.id}/share`, tokens.patient);
      expect(shareDraft.statusCode).toBe(409);
      expect(shareDraft.json<ApiError>().code).toBe('journal_entry_not_saved');
      await app.inject({
        method: 'PUT',
        url: '/api/v1/me/journal/share-all',
        headers: tokens.patient,
        payload: { enabled: false },
      });
    });

    it('lets another clinic’s patient use the same draft id without touching the entry', async () => {
      const other = await createClinic(owner, 'Spruce');
      const clientId = randomUUID();
      const mine = (await save('Mine alone.', {}, clientId)).json<SavedJournalEntry>();
      const theirs = await save(
        'Theirs.',
        {},
        clientId,
        bearer(await signIn(app, other.patientUser.email)),
      );

      expect(theirs.statusCode).toBe(200);
      expect(theirs.json<SavedJournalEntry>().id).not.toBe(mine.id);
      const again = (
        await call('GET', `/me/journal/${mine.id}`, tokens.patient)
      ).json<JournalEntryView>();
      expect(again.text).toBe('Mine alone.');
    });
  });

  describe('reads and replies', () => {
    it('lists each staff read for the patient and records it in the audit trail', async () => {
      const entry = await saved('Please read this.');
      await share(entry.id);

      expect((await call('GET', `/journal/${entry.id}`, tokens.clinician)).statusCode).toBe(200);
      const reads = (await call('GET', `/me/journal/${entry.id}/reads`, tokens.patient)).json<
        JournalRead[]
      >();
      expect(reads).toEqual([
        { readerName: 'Juniper clinician', readAt: expect.any(String) as string },
      ]);
      const { rows } = await owner.query<{ actor_user_id: string; subject_id: string }>(
        `SELECT actor_user_id, subject_id FROM audit_events
         WHERE clinic_id = $1 AND action = 'journal.viewed' AND details->>'entryId' = $2`,
        [clinic.id, entry.id],
      );
      expect(rows).toEqual([
        { actor_user_id: clinic.clinician.userId, subject_id: clinic.patientIds[0] },
      ]);
      const { rows: details } = await owner.query<{ details: string }>(
        `SELECT details::text FROM audit_events WHERE clinic_id = $1`,
        [clinic.id],
      );
      expect(details.map((row) => row.details).join()).not.toContain('Please read this');
    });

    it('shows the care team’s replies to the patient, and marks an entry reviewed', async () => {
      const entry = await saved('What do you think?');
      await share(entry.id);
      const reply = await app.inject({
        method: 'POST',
        url: `/api/v1/journal/${entry.id}/replies`,
        headers: tokens.clinician,
        payload: { text: 'Thank you for sharing this.' },
      });
      expect(reply.statusCode).toBe(201);
      const reviewed = await app.inject({
        method: 'PUT',
        url: `/api/v1/journal/${entry.id}/reviewed`,
        headers: tokens.clinician,
        payload: { reviewed: true },
      });
      expect(reviewed.json<SharedJournalEntrySummary>().reviewedAt).toEqual(expect.any(String));

      const mine = (
        await call('GET', `/me/journal/${entry.id}`, tokens.patient)
      ).json<JournalEntryView>();
      expect(mine.replies).toEqual([
        expect.objectContaining({
          authorName: 'Juniper clinician',
          text: 'Thank you for sharing this.',
        }),
      ]);
      const outsiderReply = await app.inject({
        method: 'POST',
        url: `/api/v1/journal/${entry.id}/replies`,
        headers: tokens.outsider,
        payload: { text: 'I should not be able to.' },
      });
      expect(outsiderReply.statusCode).toBe(404);
    });
  });

  describe('crisis wording', () => {
    const CRISIS_TEXT = 'Some days I want to die and I cannot see a way through.';

    const flagRows = async (entryId: string) =>
      (
        await owner.query<{ themes: string[] }>(
          'SELECT themes FROM journal_flags WHERE entry_id = $1',
          [entryId],
        )
      ).rows;

    it('returns signals at once, and flags the entry for the clinic only while it is shared', async () => {
      const entry = await saved(CRISIS_TEXT);

      expect(entry.crisis.signals).toEqual([expect.objectContaining({ theme: 'suicide' })]);
      expect(await flagRows(entry.id)).toEqual([]);

      await share(entry.id);
      expect(await flagRows(entry.id)).toEqual([{ themes: ['suicide'] }]);
      const feed = (await call('GET', '/journal/shared', tokens.clinician)).json<
        SharedJournalEntrySummary[]
      >();
      expect(feed.find((item) => item.id === entry.id)?.crisisThemes).toEqual(['suicide']);

      await call('DELETE', `/me/journal/${entry.id}/share`, tokens.patient);
      expect(await flagRows(entry.id)).toEqual([]);
    });

    it('flags a crisis entry saved under "share all", and only once it is saved', async () => {
      const shareAll = (enabled: boolean) =>
        app.inject({
          method: 'PUT',
          url: '/api/v1/me/journal/share-all',
          headers: tokens.patient,
          payload: { enabled },
        });
      await shareAll(true);
      const clientId = randomUUID();
      const draft = (
        await save(CRISIS_TEXT, { status: 'draft' }, clientId)
      ).json<SavedJournalEntry>();

      expect(draft.crisis.signals).not.toEqual([]);
      expect(await flagRows(draft.id)).toEqual([]);
      await save(CRISIS_TEXT, {}, clientId);
      expect(await flagRows(draft.id)).toEqual([{ themes: ['suicide'] }]);

      await shareAll(false);
      expect(await flagRows(draft.id)).toEqual([]);
    });

    it('answers calm words with no signals', async () => {
      expect((await saved('A quiet walk by the river.')).crisis.signals).toEqual([]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['empty text', { text: '' }, /text must not be empty/],
      ['blank text', { text: '   ' }, /text must not be empty/],
      ['text too long', { text: 'a'.repeat(20_001) }, /text must be at most 20000 characters/],
      ['mood 11', { mood: 11 }, /mood must be a whole number from 1 to 10/],
      ['an unknown field', { feeling: 'ok' }, /property feeling should not exist/],
      ['a bad status', { status: 'published' }, /status must be one of: draft, saved/],
      ['a malformed infusion id', { infusionId: 'nope' }, /infusionId must be an infusion id/],
      ['too many tags', { tags: Array.from({ length: 21 }, () => 'x') }, /at most 20/],
      ['a tag named twice', { tags: ['calm', ' calm '] }, /must not name the same tag twice/],
      ['a blank tag', { tags: ['   '] }, /each tag must be 1 to 40 characters/],
      [
        'a tag that reverses the text after it',
        { tags: ['calm\u202E'] },
        /each tag must be one line/,
      ],
    ])('refuses %s, naming it', async (_case, body, message) => {
      // A `text` in the case replaces the fine one.
      const response = await save('Fine words.', body);

      expect(problem(response)).toEqual({
        status: 400,
        code: 'validation_failed',
        message: expect.stringMatching(message) as string,
      });
    });

    it('keeps a tag as it reads, without the spaces around it', async () => {
      const response = await save('Fine words.', { tags: ['  steady ', 'tired'] });

      expect(response.statusCode).toBe(200);
      expect(response.json<{ tags: string[] }>().tags).toEqual(['steady', 'tired']);
    });

    it('refuses another patient’s infusion, naming infusionId', async () => {
      const response = await save('Fine words.', { infusionId: clinic.infusionIds[2] });

      expect(problem(response)).toEqual({
        status: 400,
        code: 'validation_failed',
        message: expect.stringMatching(/infusionId must name one of your infusions/) as string,
      });
    });

    it('refuses a prompt the portal does not have, naming promptSlug, and stores nothing', async () => {
      const clientId = randomUUID();
      const response = await save('Fine words.', { promptSlug: 'no-such-prompt' }, clientId);

      expect(problem(response)).toEqual({
        status: 400,
        code: 'validation_failed',
        message: expect.stringMatching(/promptSlug must name one of the journal prompts/) as string,
      });
      const stored = await owner.query('SELECT 1 FROM journal_entries WHERE client_id = $1', [
        clientId,
      ]);
      expect(stored.rowCount).toBe(0);
    });

    it('takes a built-in prompt and the clinic’s own, and keeps a prompt the clinic removes', async () => {
      expect((await save('Fine words.', { promptSlug: 'same-evening-check-in' })).statusCode).toBe(
        200,
      );

      const slug = `clinic-prompt-${randomUUID().slice(0, 8)}`;
      const added = await app.inject({
        method: 'POST',
        url: '/api/v1/content',
        headers: tokens.owner,
        payload: {
          slug,
          kind: 'journal_template',
          phase: 'integration',
          timing: 'any_time',
          title: 'Our own questions',
          summary: 'Questions our team likes to ask.',
          estimatedMinutes: 5,
          prompts: ['What felt different this week?'],
        },
      });
      expect(added.statusCode).toBe(201);
      const clientId = randomUUID();
      expect((await save('Fine words.', { promptSlug: slug }, clientId)).statusCode).toBe(200);

      const removed = await app.inject({
        method: 'DELETE',
        url: `/api/v1/content/${slug}`,
        headers: tokens.owner,
      });
      expect(removed.statusCode).toBe(204);
      const edited = await save('Changed words.', { promptSlug: slug }, clientId);
      expect(edited.statusCode).toBe(200);
      expect(edited.json<SavedJournalEntry>().promptSlug).toBe(slug);
      expect((await save('Fine words.', { promptSlug: slug })).statusCode).toBe(400);
    });

    it('refuses malformed ids in the address', async () => {
      const responses = [
        await app.inject({
          method: 'PUT',
          url: '/api/v1/me/journal/not-a-uuid',
          headers: tokens.patient,
          payload: { text: 'x', status: 'saved' },
        }),
        await call('GET', '/me/journal/not-a-uuid', tokens.patient),
        await call('GET', '/journal/not-a-uuid', tokens.clinician),
      ];

      for (const response of responses) {
        expect(response.statusCode).toBe(400);
        expect(response.json<ApiError>().message).toMatch(/in the address is not a valid id/);
      }
    });

    it('answers 404 for another patient’s entry, for every patient route', async () => {
      const entry = await saved('Only mine.');
      await share(entry.id);
      const other = await addPatient(owner, clinic, 'Europe/London');
      const otherToken = bearer(await signIn(app, other.email));

      for (const [method, url] of [
        ['GET', `/me/journal/${entry.id}`],
        ['DELETE', `/me/journal/${entry.id}`],
        ['POST', `/me/journal/${entry.id}/share`],
        ['DELETE', `/me/journal/${entry.id}/share`],
        ['GET', `/me/journal/${entry.id}/reads`],
      ] as const) {
        const response = await call(method, url, otherToken);
        expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
        expect(response.body).not.toContain('Only mine');
      }
    });

    it('keeps staff out of the patient routes and patients out of the staff routes', async () => {
      expect((await save('x', {}, randomUUID(), tokens.clinician)).statusCode).toBe(403);
      expect((await call('GET', '/journal/shared', tokens.patient)).statusCode).toBe(403);
    });
  });

  describe('care teams', () => {
    it('lists the team and refuses a membership that is not staff, naming it', async () => {
      const team = (
        await call('GET', `/patients/${clinic.patientIds[0]}/care-team`, tokens.clinician)
      ).json<CareTeam>();
      expect(team.members.map((member) => member.membershipId)).toContain(
        clinic.clinician.membershipId,
      );

      const unknown = randomUUID();
      for (const id of [clinic.patientUser.membershipId, unknown]) {
        const response = await app.inject({
          method: 'PUT',
          url: `/api/v1/patients/${clinic.patientIds[0]}/care-team`,
          headers: tokens.clinician,
          payload: { membershipIds: [clinic.clinician.membershipId, id] },
        });
        expect(response.statusCode).toBe(400);
        expect(response.json<ApiError>().fields?.membershipIds?.join()).toContain(id);
      }
      const malformed = await app.inject({
        method: 'PUT',
        url: `/api/v1/patients/${clinic.patientIds[0]}/care-team`,
        headers: tokens.clinician,
        payload: { membershipIds: ['nope'] },
      });
      expect(malformed.json<ApiError>().message).toMatch(/each of membershipIds/);
    });
  });
});
