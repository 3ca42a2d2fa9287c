import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  ApiError,
  JournalEntryView,
  JournalExport,
  JournalSharingConsent,
  SavedJournalEntry,
  SharedJournalEntrySummary,
} from '@ivks/contracts';
import { Client } from 'pg';
import { hashPassword } from '../../apps/api/src/auth/passwords';
import { bearer, signIn, startApi } from './support/api';
import {
  addPatient,
  createClinic,
  type FixtureClinic,
  ownerClient,
  PASSWORD,
} from './support/fixtures';

const run = promisify(execFile);

type Staff = 'owner' | 'admin' | 'clinician' | 'outsider';
const STAFF: Staff[] = ['owner', 'admin', 'clinician', 'outsider'];
/** Everyone of staff but the outsider is on the patient's care team. */
const CARE_TEAM: Staff[] = ['owner', 'admin', 'clinician'];

/**
 * The journal's promises, end to end through the API and the database: the patient's words are
 * theirs, shared only with their consent, and never readable in a copy of the database.
 */
describe('the journal’s acceptance checks', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let clinic: FixtureClinic;
  let elsewhere: FixtureClinic;
  let users: Record<Staff, { userId: string; membershipId: string; email: string }>;
  let tokens: Record<Staff | 'patient' | 'neighbour' | 'stranger', Record<string, string>>;

  const addStaff = async (role: 'admin' | 'clinician', name: string) => {
    const user = {
      userId: randomUUID(),
      membershipId: randomUUID(),
      email: `${role}.${randomUUID()}@test.example`,
    };
    await owner.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, $3)', [
      user.userId,
      user.email,
      await hashPassword(PASSWORD),
    ]);
    await owner.query(
      `INSERT INTO memberships (clinic_id, id, user_id, role, display_name)
       VALUES ($1, $2, $3, $4, $5)`,
      [clinic.id, user.membershipId, user.userId, role, name],
    );

    return user;
  };

  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner, 'Rowan');
    elsewhere = await createClinic(owner, 'Hazel');
    users = {
      owner: clinic.owner,
      clinician: clinic.clinician,
      admin: await addStaff('admin', 'Ada Admin'),
      outsider: await addStaff('clinician', 'Otto Outsider'),
    };
    app = await startApi();
    const neighbour = await addPatient(owner, clinic, 'Europe/London');
    tokens = {
      patient: bearer(await signIn(app, clinic.patientUser.email)),
      neighbour: bearer(await signIn(app, neighbour.email)),
      stranger: bearer(await signIn(app, elsewhere.patientUser.email)),
      owner: bearer(await signIn(app, users.owner.email)),
      admin: bearer(await signIn(app, users.admin.email)),
      clinician: bearer(await signIn(app, users.clinician.email)),
      outsider: bearer(await signIn(app, users.outsider.email)),
    };
    const team = await app.inject({
      method: 'PUT',
      url: `/api/v1/patients/${clinic.patientIds[0]}/care-team`,
      headers: tokens.owner,
      payload: { membershipIds: CARE_TEAM.map((role) => users[role].membershipId) },
    });
    expect(team.statusCode).toBe(200);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });

  const save = (text: string, headers = tokens.patient, clientId = randomUUID(), extra = {}) =>
    call('PUT', `/me/journal/${clientId}`, headers, { text, status: 'saved', ...extra });

  const saved = async (text: string, headers = tokens.patient): Promise<SavedJournalEntry> => {
    const response = await save(text, headers);
    expect(response.statusCode).toBe(200);

    return response.json<SavedJournalEntry>();
  };

  /** Whether `role` can open the entry or find it in any list, through the API. */
  const apiShows = async (role: Staff, id: string) => {
    const read = await call('GET', `/journal/${id}`, tokens[role]);
    const lists = await Promise.all([
      call('GET', '/journal/shared', tokens[role]),
      call('GET', `/patients/${clinic.patientIds[0]}/journal`, tokens[role]),
    ]);
    // A member of staff who may not see the patient at all gets no list of theirs.
    const listed = lists.some(
      (response) =>
        response.statusCode === 200 &&
        response.json<SharedJournalEntrySummary[]>().some((entry) => entry.id === id),
    );

    return read.statusCode === 200 || listed;
  };

  /**
   * What a member of staff's own database session returns for the entry, connected as the
   * application role with the settings the API would give their requests.
   */
  const databaseShows = async (role: Staff, id: string) => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      const dbRole = role === 'outsider' ? 'clinician' : role;
      await client.query(
        `SELECT set_config('app.clinic_id', $1, true), set_config('app.user_id', $2, true),
                set_config('app.role', $3, true)`,
        [clinic.id, users[role].userId, dbRole],
      );
      const counts = await client.query<{ entries: number; flags: number; replies: number }>(
        `SELECT (SELECT count(*)::int FROM journal_entries WHERE id = $1) AS entries,
                (SELECT count(*)::int FROM journal_flags WHERE entry_id = $1) AS flags,
                (SELECT count(*)::int FROM journal_replies WHERE entry_id = $1) AS replies`,
        [id],
      );
      await client.query('ROLLBACK');

      return counts.rows[0];
    } finally {
      await client.end();
    }
  };

  describe('consent', () => {
    it('keeps a private entry from every staff role, through the API and the database', async () => {
      const entry = await saved('Private words for nobody else.');

      for (const role of STAFF) {
        expect({ role, api: await apiShows(role, entry.id) }).toEqual({ role, api: false });
        expect({ role, db: await databaseShows(role, entry.id) }).toEqual({
          role,
          db: { entries: 0, flags: 0, replies: 0 },
        });
      }
    });

    it('shows a shared entry to the care team only, and hides it on the next request after revoking', async () => {
      const entry = await saved('Shared words for my care team.');
      expect((await call('POST', `/me/journal/${entry.id}/share`, tokens.patient)).statusCode).toBe(
        200,
      );

      for (const role of STAFF) {
        const onTeam = CARE_TEAM.includes(role);
        expect({ role, api: await apiShows(role, entry.id) }).toEqual({ role, api: onTeam });
        expect({ role, db: (await databaseShows(role, entry.id))?.entries }).toEqual({
          role,
          db: onTeam ? 1 : 0,
        });
      }

      expect(
        (await call('DELETE', `/me/journal/${entry.id}/share`, tokens.patient)).statusCode,
      ).toBe(200);
      for (const role of STAFF) {
        expect({ role, api: await apiShows(role, entry.id) }).toEqual({ role, api: false });
        expect((await databaseShows(role, entry.id))?.entries).toBe(0);
      }
    });

    it('serves the versioned consent wording the app shows before sharing', async () => {
      const response = await call('GET', '/me/journal/consent', tokens.patient);

      expect(response.statusCode).toBe(200);
      expect(response.json<JournalSharingConsent>()).toEqual({
        version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string,
        entry: expect.stringContaining('care team') as string,
        allEntries: expect.stringContaining('from now on') as string,
      });
    });
  });

  it('keeps one entry when the same draft is submitted twice', async () => {
    const clientId = randomUUID();
    const responses = await Promise.all([
      save('Sent twice by a nervous thumb.', tokens.patient, clientId),
      save('Sent twice by a nervous thumb.', tokens.patient, clientId),
    ]);
    const retried = await save('Sent twice by a nervous thumb.', tokens.patient, clientId);

    expect([...responses, retried].map((response) => response.statusCode)).toEqual([200, 200, 200]);
    const ids = new Set([...responses, retried].map((r) => r.json<JournalEntryView>().id));
    expect(ids.size).toBe(1);
    const list = (await call('GET', '/me/journal', tokens.patient)).json<JournalEntryView[]>();
    expect(list.filter((entry) => entry.clientId === clientId)).toHaveLength(1);
  });

  it('writes no entry or reply text into a pg_dump of the database', async () => {
    const text = `Dump canary ${randomUUID()} in my own words.`;
    const replyText = `Reply canary ${randomUUID()} from the care team.`;
    const entry = await saved(text);
    await call('POST', `/me/journal/${entry.id}/share`, tokens.patient);
    const reply = await call('POST', `/journal/${entry.id}/replies`, tokens.clinician, {
      text: replyText,
    });
    expect(reply.statusCode).toBe(201);

    const { stdout } = await run(
      'pg_dump',
      ['--data-only', '--no-owner', `--dbname=${process.env.DATABASE_OWNER_URL ?? ''}`],
      { maxBuffer: 512 * 1024 * 1024 },
    );

    expect(stdout).toContain('journal_entries');
    expect(stdout).toContain(entry.id);
    for (const words of [text, replyText]) {
      expect(stdout).not.toContain(words);
      expect(stdout).not.toContain(words.split(' ')[2]);
      expect(stdout).not.toContain(Buffer.from(words, 'utf8').toString('hex'));
    }
  });

  it('creates no flag anyone can see for a private entry with crisis wording', async () => {
    const entry = await saved('I want to kill myself and nobody would notice.');

    expect(entry.crisis.signals.length).toBeGreaterThan(0);
    for (const role of STAFF) {
      expect((await databaseShows(role, entry.id))?.flags).toBe(0);
      const feed = (await call('GET', '/journal/shared', tokens[role])).json<
        SharedJournalEntrySummary[]
      >();
      expect(feed.map((item) => item.id)).not.toContain(entry.id);
    }
    const { rows } = await owner.query('SELECT 1 FROM journal_flags WHERE entry_id = $1', [
      entry.id,
    ]);
    expect(rows).toEqual([]);
  });

  describe('bad input', () => {
    it('refuses an empty entry, naming text', async () => {
      expect(problem(await save(''))).toEqual({
        status: 400,
        code: 'validation_failed',
        message: expect.stringMatching(/text must not be empty/) as string,
      });
    });

    it('refuses a 1 MB entry as too large, and stores nothing', async () => {
      const clientId = randomUUID();
      const response = await save('a'.repeat(1024 * 1024), tokens.patient, clientId);

      expect(problem(response)).toEqual({
        status: 413,
        code: 'payload_too_large',
        message: expect.stringMatching(/too large/) as string,
      });
      const { rows } = await owner.query('SELECT 1 FROM journal_entries WHERE client_id = $1', [
        clientId,
      ]);
      expect(rows).toEqual([]);
    });

    it('refuses mood 11, naming mood', async () => {
      expect(problem(await save('Fine.', tokens.patient, randomUUID(), { mood: 11 }))).toEqual({
        status: 400,
        code: 'validation_failed',
        message: expect.stringMatching(/mood must be a whole number from 1 to 10/) as string,
      });
    });

    it('refuses sharing someone else’s entry, and it stays private', async () => {
      const theirs = await saved('My neighbour must not share this.', tokens.neighbour);

      for (const headers of [tokens.patient, tokens.stranger]) {
        expect(problem(await call('POST', `/me/journal/${theirs.id}/share`, headers))).toEqual({
          status: 404,
          code: 'journal_entry_not_found',
          message: 'You have no journal entry with this id.',
        });
      }
      const own = (
        await call('GET', `/me/journal/${theirs.id}`, tokens.neighbour)
      ).json<JournalEntryView>();
      expect(own.sharing.shared).toBe(false);
    });
  });

  describe('export', () => {
    const exported = (format: string, headers = tokens.patient) =>
      call('GET', `/me/journal/export?format=${format}`, headers);

    it('gives every entry of the patient, private ones and replies too, and nothing of anyone else', async () => {
      const privateMark = randomUUID();
      const privateEntry = await saved(`Private for export <b>${privateMark}</b> & more`);
      const sharedEntry = await saved(`Shared for export ${randomUUID()}`);
      await call('POST', `/me/journal/${sharedEntry.id}/share`, tokens.patient);
      const replyText = `Export reply ${randomUUID()}`;
      await call('POST', `/journal/${sharedEntry.id}/replies`, tokens.clinician, {
        text: replyText,
      });
      await call('GET', `/journal/${sharedEntry.id}`, tokens.clinician);
      const neighbourText = `Neighbour words ${randomUUID()}`;
      const strangerText = `Stranger words ${randomUUID()}`;
      await saved(neighbourText, tokens.neighbour);
      await saved(strangerText, tokens.stranger);
      const all = (await call('GET', '/me/journal', tokens.patient)).json<JournalEntryView[]>();

      const json = await exported('json');
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.headers['content-disposition']).toMatch(
        /^attachment; filename="journal-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      const body = json.json<JournalExport>();
      expect(body.entries.map((entry) => entry.id).sort()).toEqual(
        all.map((entry) => entry.id).sort(),
      );
      expect(body.entries.map((entry) => entry.text)).toContain(privateEntry.text);
      const withReply = body.entries.find((entry) => entry.id === sharedEntry.id);
      expect(withReply?.replies.map((reply) => reply.text)).toEqual([replyText]);
      expect(withReply?.reads).toEqual([
        expect.objectContaining({ readerName: 'Rowan clinician' }),
      ]);
      expect(body.patient.timeZone).toBe('America/New_York');

      const html = await exported('html');
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.headers['content-disposition']).toMatch(/^attachment; filename=".*\.html"$/);
      expect(html.body).toContain('@media print');
      expect(html.body).toContain(replyText);
      expect(html.body).toContain(
        `Private for export &lt;b&gt;${privateMark}&lt;/b&gt; &amp; more`,
      );
      expect(html.body).not.toContain('<b>');

      for (const response of [json, html]) {
        expect(response.body).not.toContain(neighbourText);
        expect(response.body).not.toContain(strangerText);
      }
    });

    it('records the export in the audit trail without any words', async () => {
      const text = `Audit must not hold ${randomUUID()}`;
      await saved(text);
      await exported('json');

      const { rows } = await owner.query<{ details: Record<string, unknown>; row: string }>(
        `SELECT details, t::text AS row FROM audit_events t
         WHERE clinic_id = $1 AND action = 'journal.exported' AND subject_id = $2
         ORDER BY seq DESC LIMIT 1`,
        [clinic.id, clinic.patientIds[0]],
      );
      expect(rows[0]?.details).toEqual({ format: 'json', entries: expect.any(Number) as number });
      expect(rows[0]?.row).not.toContain(text);
    });

    it('refuses a bad format or none, naming format', async () => {
      for (const url of ['/me/journal/export?format=pdf', '/me/journal/export']) {
        const response = await call('GET', url, tokens.patient);
        expect(problem(response)).toEqual({
          status: 400,
          code: 'validation_failed',
          message: expect.stringMatching(/format must be one of: json, html/) as string,
        });
      }
    });

    it('is the patient’s alone', async () => {
      expect((await exported('json', tokens.clinician)).statusCode).toBe(403);
    });
  });

  function problem(response: Awaited<ReturnType<typeof call>>) {
    return {
      status: response.statusCode,
      code: response.json<ApiError>().code,
      message: response.json<ApiError>().message,
    };
  }
});
