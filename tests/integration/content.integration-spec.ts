import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BUILT_IN_CONTENT, contentBySlug } from '@ivks/content';
import { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

const CHECKLIST = 'infusion-preparation-checklist';

interface Entry {
  item: { slug: string; title: string; kind: string };
  origin: string;
  adaptedFromVersion: string | null;
  instructions?: Record<string, string>;
}

function ownGuide(slug: string, title = 'Parking at our clinic') {
  return {
    slug,
    kind: 'guide',
    phase: 'infusion_day',
    title,
    summary: 'Where to leave the car on the day.',
    estimatedMinutes: 2,
    sections: [{ heading: 'The car park', paragraphs: ['Use the spaces behind the building.'] }],
  };
}

describe('the clinic’s library', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let ours: FixtureClinic;
  let theirs: FixtureClinic;
  const tokens: Record<'clinician' | 'patient' | 'otherClinician' | 'otherPatient', string> = {
    clinician: '',
    patient: '',
    otherClinician: '',
    otherPatient: '',
  };

  beforeAll(async () => {
    owner = await ownerClient();
    ours = await createClinic(owner, 'Hazel');
    theirs = await createClinic(owner, 'Maple');
    app = await startApi();
    tokens.clinician = await signIn(app, ours.clinician.email);
    tokens.patient = await signIn(app, ours.patientUser.email);
    tokens.otherClinician = await signIn(app, theirs.clinician.email);
    tokens.otherPatient = await signIn(app, theirs.patientUser.email);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  const call = (
    who: keyof typeof tokens,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]), payload });

  it('gives a patient the whole built-in library', async () => {
    const response = await call('patient', 'GET', '/content');

    expect(response.statusCode).toBe(200);
    const entries = response.json<Entry[]>();
    expect(entries.length).toBeGreaterThanOrEqual(BUILT_IN_CONTENT.length);
    expect(entries.filter((entry) => entry.origin === 'built_in').length).toBeGreaterThanOrEqual(
      40,
    );
  });

  it('filters by kind and phase, and names a filter it does not know', async () => {
    const playlists = await call('patient', 'GET', '/content?kind=playlist&phase=infusion_day');
    expect(playlists.statusCode).toBe(200);
    expect(playlists.json<Entry[]>().every((entry) => entry.item.kind === 'playlist')).toBe(true);

    const bad = await call('patient', 'GET', '/content?kind=poem');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: object }>().fields).toHaveProperty('kind');
  });

  it('adapts a built-in item for this clinic only, and can return it to the built-in text', async () => {
    const original = contentBySlug(CHECKLIST);
    const adapted = await call('clinician', 'PUT', `/content/${CHECKLIST}`, {
      ...original,
      title: 'Getting ready for your visit to Hazel',
    });
    expect(adapted.statusCode).toBe(200);
    expect(adapted.json<Entry>().origin).toBe('adapted');

    const mine = (await call('patient', 'GET', `/content/${CHECKLIST}`)).json<Entry>();
    const elsewhere = (await call('otherPatient', 'GET', `/content/${CHECKLIST}`)).json<Entry>();
    expect(mine.item.title).toBe('Getting ready for your visit to Hazel');
    expect(elsewhere.item.title).toBe(original?.title);
    expect(elsewhere.origin).toBe('built_in');

    expect((await call('clinician', 'DELETE', `/content/${CHECKLIST}`)).statusCode).toBe(204);
    const back = (await call('patient', 'GET', `/content/${CHECKLIST}`)).json<Entry>();
    expect(back.item.title).toBe(original?.title);
    expect((await call('clinician', 'DELETE', `/content/${CHECKLIST}`)).statusCode).toBe(404);
  });

  it('adds the clinic’s own items, which no other clinic can see', async () => {
    const created = await call('clinician', 'POST', '/content', ownGuide('hazel-parking'));
    expect(created.statusCode).toBe(201);
    expect(created.json<Entry>().origin).toBe('clinic');

    const list = (await call('patient', 'GET', '/content?kind=guide')).json<Entry[]>();
    expect(list.map((entry) => entry.item.slug)).toContain('hazel-parking');
    expect((await call('otherPatient', 'GET', '/content/hazel-parking')).statusCode).toBe(404);
    expect((await call('otherClinician', 'DELETE', '/content/hazel-parking')).statusCode).toBe(404);
    const overwrite = await call('otherClinician', 'PUT', '/content/hazel-parking', {
      ...ownGuide('hazel-parking'),
      title: 'Taken over',
    });
    expect(overwrite.statusCode).toBe(404);
    expect((await call('patient', 'GET', '/content/hazel-parking')).json<Entry>().item.title).toBe(
      'Parking at our clinic',
    );
  });

  it('refuses a slug that is taken, by the library or by the clinic', async () => {
    const builtIn = await call('clinician', 'POST', '/content', ownGuide('box-breathing'));
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json<{ code: string }>().code).toBe('content_slug_taken');

    await call('clinician', 'POST', '/content', ownGuide('hazel-twice'));
    const again = await call('clinician', 'POST', '/content', ownGuide('hazel-twice'));
    expect(again.statusCode).toBe(409);
  });

  it('names each problem of an item, and keeps what was stored', async () => {
    await call('clinician', 'POST', '/content', ownGuide('hazel-kept', 'Kept as it was'));

    const broken = await call('clinician', 'PUT', '/content/hazel-kept', {
      ...ownGuide('hazel-kept'),
      estimatedMinutes: 0,
      sections: [],
      colour: 'blue',
    });
    expect(broken.statusCode).toBe(400);
    expect(Object.keys(broken.json<{ fields: object }>().fields).sort()).toEqual([
      'estimatedMinutes',
      'item',
      'sections',
    ]);

    const renamed = await call('clinician', 'PUT', '/content/hazel-kept', ownGuide('other-slug'));
    expect(renamed.statusCode).toBe(400);
    const wrongKind = await call('clinician', 'PUT', '/content/box-breathing', {
      ...ownGuide('box-breathing'),
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json<{ fields: object }>().fields).toHaveProperty('kind');
    const hidden = await call('clinician', 'PUT', '/content/hazel-kept', {
      ...ownGuide('hazel-kept', 'Welcome \u202Eemoh\u202C'),
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json<{ fields: object }>().fields).toEqual({
      title: ['title must not hold control, invisible or text-direction characters'],
    });
    const badSlug = await call('clinician', 'GET', '/content/Not%20A%20Slug');
    expect(badSlug.statusCode).toBe(400);

    const kept = (await call('patient', 'GET', '/content/hazel-kept')).json<Entry>();
    expect(kept.item.title).toBe('Kept as it was');
  });

  it('lets staff, not patients, change the library', async () => {
    expect((await call('patient', 'POST', '/content', ownGuide('hazel-mine'))).statusCode).toBe(
      403,
    );
    expect((await call('patient', 'DELETE', '/content/hazel-parking')).statusCode).toBe(403);
  });

  describe('the clinic’s instructions', () => {
    it('shows them beside the checklist entries that point to them, for this clinic only', async () => {
      const set = await call('clinician', 'PUT', '/clinic/instructions', {
        fasting: 'Hazel asks you not to eat for a while before; your nurse will say how long.',
        driving: 'Someone else drives you home.',
      });
      expect(set.statusCode).toBe(200);

      const mine = (await call('patient', 'GET', `/content/${CHECKLIST}`)).json<Entry>();
      // Only the topics this checklist points to: fasting, not driving.
      expect(mine.instructions).toEqual({
        fasting: 'Hazel asks you not to eat for a while before; your nurse will say how long.',
      });
      const elsewhere = (await call('otherPatient', 'GET', `/content/${CHECKLIST}`)).json<Entry>();
      expect(elsewhere.instructions).toEqual({ fasting: theirs.content.instruction });
      const theirInstructions = await call('otherPatient', 'GET', '/clinic/instructions');
      expect(theirInstructions.json<Record<string, string | null>>()).toEqual({
        fasting: theirs.content.instruction,
        medicines: null,
        arrival: null,
        what_to_bring: null,
        driving: null,
      });
    });

    it('clears a topic with null and leaves the others alone', async () => {
      await call('clinician', 'PUT', '/clinic/instructions', {
        arrival: 'Come at 9.',
        driving: 'x',
      });
      const cleared = await call('clinician', 'PUT', '/clinic/instructions', { arrival: null });

      expect(cleared.json<Record<string, string | null>>()).toMatchObject({
        arrival: null,
        driving: 'x',
      });
    });

    it('refuses empty text, unknown topics and patients', async () => {
      const empty = await call('clinician', 'PUT', '/clinic/instructions', { fasting: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json<{ fields: object }>().fields).toHaveProperty('fasting');
      const unknown = await call('clinician', 'PUT', '/clinic/instructions', { dosage: 'x' });
      expect(unknown.statusCode).toBe(400);
      const patient = await call('patient', 'PUT', '/clinic/instructions', { fasting: 'x' });
      expect(patient.statusCode).toBe(403);
    });

    it('lets the database refuse a patient’s write even past the API', async () => {
      const asApp = new Client({ connectionString: process.env.DATABASE_URL });
      await asApp.connect();
      try {
        await asApp.query('BEGIN');
        await asApp.query(
          `SELECT set_config('app.clinic_id', $1, true), set_config('app.user_id', $2, true),
                  set_config('app.role', 'patient', true)`,
          [ours.id, ours.patientUser.userId],
        );
        await expect(
          asApp.query(
            `INSERT INTO clinic_instructions (clinic_id, topic, body) VALUES ($1, 'fasting', 'x')`,
            [ours.id],
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await asApp.query('ROLLBACK');
        await asApp.end();
      }
    });
  });
});
