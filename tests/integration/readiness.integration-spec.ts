import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { contentBySlug } from '@ivks/content';
import type { ApiError, ReadinessBoard, ReadinessView } from '@ivks/contracts';
import { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import {
  createClinic,
  FIXTURE_CHECKLIST,
  type FixtureClinic,
  ownerClient,
} from './support/fixtures';

type Method = 'GET' | 'PUT';

const ALL_READY = { rideArranged: true, instructionsFollowed: true, chaperoneBriefed: true };

/** Day D in the clinic's zone (America/New_York); its last infusion is 03:30 UTC on D + 1. */
const DAY = '2033-06-14';
const LATE_ON_DAY = '2033-06-14T23:30:00-04:00';
const MORNING_ON_DAY = '2033-06-14T08:00:00-04:00';
const CANCELLED_ON_DAY = '2033-06-14T12:00:00-04:00';
const EARLY_NEXT_DAY = '2033-06-15T00:30:00-04:00';

describe('infusion-day readiness', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let alder: FixtureClinic;
  let birch: FixtureClinic;
  let tokens: { patient: string; clinician: string; owner: string; birchClinician: string };
  /** The signed-in patient's infusions of day D, and one of the next day. */
  let late: string;
  let morning: string;
  let cancelled: string;
  let nextDay: string;
  let checklistAssignment: string;

  const call = async <T>(method: Method, url: string, token: string, payload?: object) => {
    const response = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(token),
      ...(payload && { payload }),
    });

    return { status: response.statusCode, body: response.json<T>() };
  };

  const readiness = (infusionId: string) => `/me/infusions/${infusionId}/readiness`;

  async function addInfusion(patientId: string, scheduledAt: string, status = 'scheduled') {
    const id = randomUUID();
    await owner.query(
      `INSERT INTO infusions (clinic_id, id, patient_id, scheduled_at, status)
       VALUES ($1, $2, $3, $4, $5)`,
      [alder.id, id, patientId, scheduledAt, status],
    );

    return id;
  }

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder', 2);
    birch = await createClinic(owner, 'Birch', 1);
    app = await startApi();
    tokens = {
      patient: await signIn(app, alder.patientUser.email),
      clinician: await signIn(app, alder.clinician.email),
      owner: await signIn(app, alder.owner.email),
      birchClinician: await signIn(app, birch.clinician.email),
    };
    const [ours, other] = alder.patientIds as [string, string];
    late = await addInfusion(ours, LATE_ON_DAY);
    morning = await addInfusion(other, MORNING_ON_DAY);
    cancelled = await addInfusion(ours, CANCELLED_ON_DAY, 'cancelled');
    nextDay = await addInfusion(ours, EARLY_NEXT_DAY);
    checklistAssignment = randomUUID();
    await owner.query(
      `INSERT INTO assignments (clinic_id, id, patient_id, content_slug, infusion_id, due_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [alder.id, checklistAssignment, ours, FIXTURE_CHECKLIST.slug, late, LATE_ON_DAY],
    );
    await owner.query(
      `INSERT INTO assignment_checklist_ticks (clinic_id, assignment_id, item_id, checked)
       VALUES ($1, $2, $3, true)`,
      [alder.id, checklistAssignment, FIXTURE_CHECKLIST.itemId],
    );
    // A withdrawn checklist of the same infusion counts for nothing.
    await owner.query(
      `INSERT INTO assignments
         (clinic_id, id, patient_id, content_slug, infusion_id, due_at, status, withdrawn_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, 'withdrawn', now())`,
      [alder.id, ours, FIXTURE_CHECKLIST.slug, late, LATE_ON_DAY],
    );
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  describe('the patient’s answers', () => {
    it('are all false, with no times, before anything is saved', async () => {
      const response = await call<ReadinessView>('GET', readiness(nextDay), tokens.patient);

      expect(response).toEqual({
        status: 200,
        body: {
          infusionId: nextDay,
          rideArranged: false,
          instructionsFollowed: false,
          chaperoneBriefed: false,
          confirmedAt: null,
          updatedAt: null,
        },
      });
    });

    it('are confirmed when all three are true, and the confirmation cleared when one is not', async () => {
      const partly = await call<ReadinessView>('PUT', readiness(nextDay), tokens.patient, {
        ...ALL_READY,
        chaperoneBriefed: false,
      });
      expect(partly.status).toBe(200);
      expect(partly.body).toMatchObject({ rideArranged: true, chaperoneBriefed: false });
      expect(partly.body.confirmedAt).toBeNull();
      expect(partly.body.updatedAt).not.toBeNull();

      const ready = await call<ReadinessView>('PUT', readiness(nextDay), tokens.patient, ALL_READY);
      expect(ready.body).toMatchObject(ALL_READY);
      expect(ready.body.confirmedAt).not.toBeNull();

      const read = await call<ReadinessView>('GET', readiness(nextDay), tokens.patient);
      expect(read.body).toEqual(ready.body);

      const unticked = await call<ReadinessView>('PUT', readiness(nextDay), tokens.patient, {
        ...ALL_READY,
        rideArranged: false,
      });
      expect(unticked.body.confirmedAt).toBeNull();
      expect(unticked.body.rideArranged).toBe(false);
    });

    it('change nothing when the same answers are saved again', async () => {
      const first = await call<ReadinessView>('PUT', readiness(late), tokens.patient, ALL_READY);
      const again = await call<ReadinessView>('PUT', readiness(late), tokens.patient, ALL_READY);

      expect(first.status).toBe(200);
      expect(again).toEqual(first);
      const { rows } = await owner.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM infusion_readiness WHERE clinic_id = $1 AND infusion_id = $2',
        [alder.id, late],
      );
      expect(rows[0]?.count).toBe(1);
    });

    it('answer 404 for an infusion of another patient, or of another clinic', async () => {
      // The first patient's infusions come first; the third is the second patient's.
      for (const infusionId of [alder.infusionIds[2], birch.infusionIds[0], randomUUID()]) {
        const read = await call<ApiError>('GET', readiness(infusionId ?? ''), tokens.patient);
        const write = await call<ApiError>(
          'PUT',
          readiness(infusionId ?? ''),
          tokens.patient,
          ALL_READY,
        );

        expect([read.status, read.body.code]).toEqual([404, 'infusion_not_found']);
        expect([write.status, write.body.code]).toEqual([404, 'infusion_not_found']);
      }
    });

    it('cannot be saved for a cancelled or a completed infusion', async () => {
      const completed = await addInfusion(alder.patientIds[0] ?? '', '2033-01-10T15:00:00Z');
      await owner.query(
        `UPDATE infusions SET status = 'completed' WHERE clinic_id = $1 AND id = $2`,
        [alder.id, completed],
      );
      const onCancelled = await call<ApiError>(
        'PUT',
        readiness(cancelled),
        tokens.patient,
        ALL_READY,
      );
      const onCompleted = await call<ApiError>(
        'PUT',
        readiness(completed),
        tokens.patient,
        ALL_READY,
      );

      expect([onCancelled.status, onCancelled.body.code]).toEqual([409, 'infusion_cancelled']);
      expect([onCompleted.status, onCompleted.body.code]).toEqual([409, 'infusion_completed']);
    });

    it('refuse a body that is not three booleans, naming the field', async () => {
      const { rideArranged: _left, ...missing } = ALL_READY;
      const cases: [object, string][] = [
        [missing, 'rideArranged'],
        [{ ...ALL_READY, instructionsFollowed: 'yes' }, 'instructionsFollowed'],
        [{ ...ALL_READY, dosage: '1 mg' }, 'dosage'],
      ];
      for (const [body, field] of cases) {
        const response = await call<ApiError>('PUT', readiness(late), tokens.patient, body);

        expect([response.status, response.body.code]).toEqual([400, 'validation_failed']);
        expect(Object.keys(response.body.fields ?? {})).toEqual([field]);
        expect(response.body.message).toContain(field);
      }
      const badId = await call<ApiError>('GET', readiness('not-an-id'), tokens.patient);
      expect(badId.status).toBe(400);
      expect(badId.body.message).toContain('infusion id');
    });

    it('are the patient’s alone to write, even past the API', async () => {
      const asApp = new Client({ connectionString: process.env.DATABASE_URL });
      await asApp.connect();
      try {
        await asApp.query('BEGIN');
        await asApp.query(
          `SELECT set_config('app.clinic_id', $1, true), set_config('app.user_id', $2, true),
                  set_config('app.role', 'clinician', true)`,
          [alder.id, alder.clinician.userId],
        );
        const seen = await asApp.query(
          'SELECT 1 FROM infusion_readiness WHERE clinic_id = $1 AND infusion_id = $2',
          [alder.id, late],
        );
        const updated = await asApp.query(
          `UPDATE infusion_readiness SET ride_arranged = false, confirmed_at = NULL
           WHERE clinic_id = $1 AND infusion_id = $2`,
          [alder.id, late],
        );

        expect(seen.rowCount).toBe(1);
        expect(updated.rowCount).toBe(0);
        await expect(
          asApp.query(
            `INSERT INTO infusion_readiness (clinic_id, infusion_id, patient_id, ride_arranged,
               instructions_followed, chaperone_briefed)
             VALUES ($1, $2, $3, true, true, true)`,
            [alder.id, morning, alder.patientIds[1]],
          ),
        ).rejects.toThrow(/row-level security/);
      } finally {
        await asApp.query('ROLLBACK');
        await asApp.end();
      }
      const { rows } = await owner.query<{ ride_arranged: boolean }>(
        'SELECT ride_arranged FROM infusion_readiness WHERE clinic_id = $1 AND infusion_id = $2',
        [alder.id, late],
      );
      expect(rows).toEqual([{ ride_arranged: true }]);
    });
  });

  describe('the clinic’s board', () => {
    it('lists the day’s infusions in the clinic’s zone, in order, with readiness and checklists', async () => {
      const checklist = contentBySlug(FIXTURE_CHECKLIST.slug);
      const total = checklist?.kind === 'checklist' ? checklist.items.length : 0;
      const response = await call<ReadinessBoard>(
        'GET',
        `/readiness?date=${DAY}`,
        tokens.clinician,
      );

      expect(response.status).toBe(200);
      expect(response.body.date).toBe(DAY);
      expect(response.body.timeZone).toBe('America/New_York');
      expect(response.body.rows.map((row) => row.infusionId)).toEqual([morning, late]);
      const [first, last] = response.body.rows;
      expect(first).toMatchObject({
        patientId: alder.patientIds[1],
        scheduledAt: new Date(MORNING_ON_DAY).toISOString(),
        status: 'scheduled',
        readiness: null,
        checklist: { ticked: 0, total: 0 },
      });
      expect(last).toMatchObject({
        patientId: alder.patientIds[0],
        patientTimeZone: 'America/New_York',
        scheduledAt: '2033-06-15T03:30:00.000Z',
        readiness: { infusionId: late, ...ALL_READY },
        checklist: { ticked: 1, total },
      });
      expect(total).toBeGreaterThan(1);
      expect(last?.patientName).toMatch(/^Alder Patient0 /);
      expect(last?.readiness?.confirmedAt).not.toBeNull();
    });

    it('puts an infusion at half past midnight in the clinic’s zone on the next day', async () => {
      const response = await call<ReadinessBoard>(
        'GET',
        '/readiness?date=2033-06-15',
        tokens.owner,
      );

      expect(response.body.rows.map((row) => row.infusionId)).toEqual([nextDay]);
      expect(response.body.rows[0]?.readiness?.confirmedAt).toBeNull();
    });

    it('shows today in the clinic’s zone when no date is given', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
        new Date(),
      );
      const response = await call<ReadinessBoard>('GET', '/readiness', tokens.clinician);

      expect(response.status).toBe(200);
      expect(response.body.date).toBe(today);
    });

    it('is for staff only, and shows another clinic none of it', async () => {
      const patient = await call<ApiError>('GET', `/readiness?date=${DAY}`, tokens.patient);
      const elsewhere = await call<ReadinessBoard>(
        'GET',
        `/readiness?date=${DAY}`,
        tokens.birchClinician,
      );

      expect([patient.status, patient.body.code]).toEqual([403, 'forbidden']);
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.body.rows).toEqual([]);
    });

    it('refuses a date that is not a calendar day, naming date', async () => {
      for (const date of ['2033-02-30', '14/06/2033', '2033-6-14', 'today']) {
        const response = await call<ApiError>('GET', `/readiness?date=${date}`, tokens.clinician);

        expect([response.status, response.body.code]).toEqual([400, 'validation_failed']);
        expect(Object.keys(response.body.fields ?? {})).toEqual(['date']);
      }
    });
  });
});
