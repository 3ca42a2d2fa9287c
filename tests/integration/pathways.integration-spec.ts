import type {
  ApiError,
  ApplyPathwayResult,
  Assignment,
  AssignmentGroups,
  Infusion,
  Pathway,
  ScheduledCourse,
} from '@ivks/contracts';
import { SIX_INFUSION_COURSE, TenantTransactions } from '@ivks/server';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DateTime } from 'luxon';
import type { Client } from 'pg';
import { PathwaysService } from '../../apps/api/src/pathways/pathways.service';
import { bearer, signIn, startApi } from './support/api';
import {
  addPatient,
  createClinic,
  type FixtureClinic,
  type FixturePatient,
  ownerClient,
} from './support/fixtures';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const DOCUMENTED_ROUTES: [string, string][] = [
  ['post', '/patients/{id}/course'],
  ['patch', '/infusions/{id}'],
  ['post', '/infusions/{id}/cancel'],
  ['post', '/infusions/{id}/complete'],
  ['get', '/pathways'],
  ['post', '/pathways'],
  ['get', '/pathways/{id}'],
  ['put', '/pathways/{id}'],
  ['get', '/patients/{id}/assignments'],
  ['post', '/patients/{id}/assignments'],
  ['post', '/patients/{id}/pathways'],
  ['get', '/me/assignments'],
  ['put', '/me/assignments/{id}/checklist/{itemId}'],
  ['put', '/me/assignments/{id}/done'],
];

const DEFAULT_TASKS = SIX_INFUSION_COURSE.tasks.length;
const EACH_INFUSION_TASKS = SIX_INFUSION_COURSE.tasks.filter(
  (task) => task.timing.anchor === 'each_infusion',
).length;

/** Six infusions at 10:30 local time, Monday, Wednesday and Friday for two weeks. */
const NEW_YORK_COURSE = [
  '2031-03-03T15:30:00Z',
  '2031-03-05T15:30:00Z',
  '2031-03-07T15:30:00Z',
  // Clocks go forward on Sunday 9 March.
  '2031-03-10T14:30:00Z',
  '2031-03-12T14:30:00Z',
  '2031-03-14T14:30:00Z',
];
const SYDNEY_COURSE = [
  '2031-03-30T23:30:00Z',
  '2031-04-01T23:30:00Z',
  '2031-04-03T23:30:00Z',
  // Clocks go back on Sunday 6 April.
  '2031-04-07T00:30:00Z',
  '2031-04-09T00:30:00Z',
  '2031-04-11T00:30:00Z',
];

describe('care pathways', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let alder: FixtureClinic;
  let birch: FixtureClinic;
  let clinician: string;
  let defaultPathway: Pathway;

  const call = async <T>(method: Method, url: string, token: string, payload?: object) => {
    const response = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(token),
      ...(payload && { payload }),
    });

    return { status: response.statusCode, body: response.json<T>() };
  };

  const asClinic = <T>(clinic: FixtureClinic, work: () => Promise<T>) =>
    app
      .get(TenantTransactions)
      .run({ clinicId: clinic.id, userId: clinic.clinician.userId, role: 'clinician' }, work);

  /** A patient with a course, and the default pathway applied. */
  async function patientOnCourse(
    timeZone: string,
    course: string[],
  ): Promise<{ patient: FixturePatient; infusions: Infusion[]; applied: ApplyPathwayResult }> {
    const patient = await addPatient(owner, alder, timeZone);
    const scheduled = await call<ScheduledCourse>(
      'POST',
      `/patients/${patient.patientId}/course`,
      clinician,
      { infusions: course.map((scheduledAt) => ({ scheduledAt })) },
    );
    expect(scheduled.status).toBe(201);
    const applied = await call<ApplyPathwayResult>(
      'POST',
      `/patients/${patient.patientId}/pathways`,
      clinician,
      { pathwayId: defaultPathway.id },
    );
    expect(applied.status).toBe(201);

    return { patient, infusions: scheduled.body.infusions, applied: applied.body };
  }

  async function assignmentsOf(patientId: string): Promise<Assignment[]> {
    const listed = await call<AssignmentGroups>(
      'GET',
      `/patients/${patientId}/assignments`,
      clinician,
    );

    return listed.body.groups.flatMap((group) => group.assignments);
  }

  const find = (assignments: Assignment[], slug: string, infusionId: string | null) => {
    const found = assignments.find(
      (assignment) => assignment.contentSlug === slug && assignment.infusionId === infusionId,
    );
    if (!found) {
      throw new Error(`no ${slug} assignment for infusion ${infusionId}`);
    }

    return found;
  };

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder', 1);
    birch = await createClinic(owner, 'Birch', 1);
    app = await startApi();
    clinician = await signIn(app, alder.clinician.email);
    defaultPathway = await asClinic(alder, () =>
      app.get(PathwaysService).createBuiltIn('six_infusion_course'),
    );
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('documents each route with its request and response schemas', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/docs-json' })).json<{
      paths: Record<string, Record<string, OpenApiOperation>>;
      components: { schemas: Record<string, unknown> };
    }>();
    const undocumented = DOCUMENTED_ROUTES.filter(([method, path]) => {
      const operation = document.paths[`/api/v1${path}`]?.[method];
      const success = Object.entries(operation?.responses ?? {}).find(([code]) => code < '300');
      const takesNoBody =
        method === 'get' || path.endsWith('/cancel') || path.endsWith('/complete');

      return (
        !success?.[1].content?.['application/json']?.schema ||
        (!takesNoBody && !operation?.requestBody?.content?.['application/json']?.schema)
      );
    });

    expect(undocumented).toEqual([]);
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['DurationOffsetDto', 'LocalTimeOffsetDto', 'TaskTimingDto']),
    );
  });

  describe('the built-in pathway', () => {
    it('is created once per clinic, however often it is asked for, and listed', async () => {
      const again = await asClinic(alder, () =>
        app.get(PathwaysService).createBuiltIn('six_infusion_course'),
      );
      const listed = await call<{ data: Pathway[] }>('GET', '/pathways', clinician);

      expect(again.id).toBe(defaultPathway.id);
      expect(defaultPathway.tasks).toHaveLength(DEFAULT_TASKS);
      expect(
        listed.body.data.filter((pathway) => pathway.builtIn === 'six_infusion_course'),
      ).toEqual([again]);
    });

    it('is each clinic’s own', async () => {
      const birchs = await asClinic(birch, () =>
        app.get(PathwaysService).createBuiltIn('six_infusion_course'),
      );

      expect(birchs.id).not.toBe(defaultPathway.id);
    });
  });

  describe('scheduling a course', () => {
    it('schedules several infusions in one request, in order, as exact instants', async () => {
      const patient = await addPatient(owner, alder, 'Europe/Dublin');
      const response = await call<ScheduledCourse>(
        'POST',
        `/patients/${patient.patientId}/course`,
        clinician,
        {
          infusions: [
            { scheduledAt: '2031-05-07T10:30:00+01:00' },
            { scheduledAt: '2031-05-05T09:30:00Z', durationMinutes: 90 },
          ],
        },
      );

      expect(response.status).toBe(201);
      expect(
        response.body.infusions.map(({ scheduledAt, durationMinutes, status }) => ({
          scheduledAt,
          durationMinutes,
          status,
        })),
      ).toEqual([
        { scheduledAt: '2031-05-05T09:30:00.000Z', durationMinutes: 90, status: 'scheduled' },
        { scheduledAt: '2031-05-07T09:30:00.000Z', durationMinutes: 60, status: 'scheduled' },
      ]);
    });

    it('refuses two infusions at one instant in a request, however they are written', async () => {
      const patient = await addPatient(owner, alder, 'Europe/Dublin');
      const response = await call<ApiError>(
        'POST',
        `/patients/${patient.patientId}/course`,
        clinician,
        {
          infusions: [
            { scheduledAt: '2031-05-05T09:30:00Z' },
            { scheduledAt: '2031-05-05T10:30:00+01:00' },
          ],
        },
      );

      expect(response.status).toBe(400);
      expect(response.body.fields?.infusions).toEqual([
        'infusions must not list two infusions at the same time',
      ]);
    });

    it('refuses the whole course when one clashes, naming it and its local time', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      const first = await call<ScheduledCourse>(
        'POST',
        `/patients/${patient.patientId}/course`,
        clinician,
        {
          infusions: [{ scheduledAt: '2031-05-05T14:30:00Z' }],
        },
      );
      const clash = await call<ApiError>(
        'POST',
        `/patients/${patient.patientId}/course`,
        clinician,
        {
          infusions: [
            { scheduledAt: '2031-05-07T14:30:00Z' },
            { scheduledAt: '2031-05-05T14:30:00Z' },
          ],
        },
      );
      const detail = await owner.query('SELECT 1 FROM infusions WHERE patient_id = $1', [
        patient.patientId,
      ]);

      expect(first.status).toBe(201);
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('infusion_slot_taken');
      expect(clash.body.message).toMatch(/Monday 5 May 2031 at 10:30 \(America\/New_York\)/);
      expect(Object.keys(clash.body.fields ?? {})).toEqual(['infusions.1.scheduledAt']);
      expect(detail.rowCount).toBe(1);
    });

    it('takes the time of a cancelled infusion', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      const url = `/patients/${patient.patientId}/course`;
      const payload = { infusions: [{ scheduledAt: '2031-06-02T14:30:00Z' }] };
      const first = await call<ScheduledCourse>('POST', url, clinician, payload);
      await call('POST', `/infusions/${first.body.infusions[0]?.id}/cancel`, clinician);

      expect((await call('POST', url, clinician, payload)).status).toBe(201);
    });

    it.each([
      ['no infusions', { infusions: [] }, 'infusions'],
      [
        'a time without its offset',
        { infusions: [{ scheduledAt: '2031-06-02T14:30:00' }] },
        'infusions.0.scheduledAt',
      ],
      [
        'a five-minute infusion',
        { infusions: [{ scheduledAt: '2031-06-02T14:30:00Z', durationMinutes: 5 }] },
        'infusions.0.durationMinutes',
      ],
      [
        '25 infusions at once',
        {
          infusions: Array.from({ length: 25 }, (_, day) => ({
            scheduledAt: `2031-07-${String(day + 1).padStart(2, '0')}T14:30:00Z`,
          })),
        },
        'infusions',
      ],
    ])('refuses %s, naming %s', async (_case, payload, field) => {
      const response = await call<ApiError>(
        'POST',
        `/patients/${alder.patientIds[0]}/course`,
        clinician,
        payload,
      );

      expect(response.status).toBe(400);
      expect(response.body.fields).toHaveProperty([field]);
    });

    it('refuses a discharged patient', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      await owner.query(
        `UPDATE patients SET status = 'discharged', discharged_at = now() WHERE id = $1`,
        [patient.patientId],
      );
      const response = await call<ApiError>(
        'POST',
        `/patients/${patient.patientId}/course`,
        clinician,
        {
          infusions: [{ scheduledAt: '2031-06-02T14:30:00Z' }],
        },
      );

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('patient_discharged');
    });
  });

  describe('applying the default pathway', () => {
    // [task, infusion of the course (1-6) or null, expected due instant]
    type Expected = [string, number | null, string];

    it.each<[string, string[], Expected[]]>([
      [
        'America/New_York',
        NEW_YORK_COURSE,
        [
          ['before-your-first-infusion', 1, '2031-02-28T23:00:00.000Z'],
          ['what-an-infusion-can-feel-like', 1, '2031-03-01T15:30:00.000Z'],
          ['same-evening-check-in', 3, '2031-03-08T01:00:00.000Z'],
          ['next-day-reflection', 3, '2031-03-08T14:00:00.000Z'],
          ['infusion-preparation-checklist', 4, '2031-03-08T14:30:00.000Z'],
          ['setting-an-intention', 4, '2031-03-09T23:00:00.000Z'],
          ['infusion-day-checklist', 4, '2031-03-10T11:00:00.000Z'],
          ['after-your-infusion-checklist', 4, '2031-03-10T16:30:00.000Z'],
          ['looking-back-over-your-course', 6, '2031-03-21T14:30:00.000Z'],
        ],
      ],
      [
        'Australia/Sydney',
        SYDNEY_COURSE,
        [
          ['before-your-first-infusion', 1, '2031-03-28T07:00:00.000Z'],
          ['infusion-day-checklist', 1, '2031-03-30T20:00:00.000Z'],
          ['next-day-reflection', 3, '2031-04-04T22:00:00.000Z'],
          ['infusion-preparation-checklist', 4, '2031-04-05T00:30:00.000Z'],
          ['setting-an-intention', 4, '2031-04-06T09:00:00.000Z'],
          ['same-evening-check-in', 4, '2031-04-07T10:00:00.000Z'],
          ['looking-back-over-your-course', 6, '2031-04-18T00:30:00.000Z'],
        ],
      ],
    ])('times a %s course across its clock change', async (timeZone, course, expected) => {
      const { patient, infusions, applied } = await patientOnCourse(timeZone, course);
      const assignments = await assignmentsOf(patient.patientId);
      const infusionIdOf = (number: number | null) =>
        number === null ? null : (infusions[number - 1]?.id ?? 'missing');

      expect(applied.created).toBe(DEFAULT_TASKS - EACH_INFUSION_TASKS + 6 * EACH_INFUSION_TASKS);
      expect(assignments).toHaveLength(applied.created);
      for (const [slug, infusion, dueAt] of expected) {
        expect({
          slug,
          infusion,
          dueAt: find(assignments, slug, infusionIdOf(infusion)).dueAt,
        }).toEqual({
          slug,
          infusion,
          dueAt,
        });
      }
      for (const infusion of infusions) {
        expect(
          assignments.filter((assignment) => assignment.infusionId === infusion.id).length,
        ).toBeGreaterThanOrEqual(EACH_INFUSION_TASKS);
      }
      // Every wall-clock task lands at its time on the patient's own clock.
      for (const assignment of assignments) {
        if (assignment.offset?.kind === 'local_time') {
          expect(DateTime.fromISO(assignment.dueAt, { zone: timeZone }).toFormat('HH:mm')).toBe(
            assignment.offset.time,
          );
        }
      }
    });

    it('times the enrolment task from enrolment, and adds nothing when applied again', async () => {
      const { patient } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const { rows } = await owner.query<{ enrolled_at: Date }>(
        'SELECT enrolled_at FROM patients WHERE id = $1',
        [patient.patientId],
      );
      const again = await call<ApplyPathwayResult>(
        'POST',
        `/patients/${patient.patientId}/pathways`,
        clinician,
        {
          pathwayId: defaultPathway.id,
        },
      );
      const enrolment = find(
        await assignmentsOf(patient.patientId),
        'iv-ketamine-and-ketamine-assisted-psychotherapy',
        null,
      );

      expect(again.body).toEqual({ created: 0, assignments: [] });
      expect(enrolment.dueAt).toBe(rows[0]?.enrolled_at.toISOString());
      expect(enrolment.offset).toBeNull();
    });

    it('adds the tasks of an infusion scheduled since, when applied again', async () => {
      const { patient } = await patientOnCourse('America/New_York', NEW_YORK_COURSE.slice(0, 5));
      await call('POST', `/patients/${patient.patientId}/infusions`, clinician, {
        scheduledAt: NEW_YORK_COURSE[5],
      });
      const again = await call<ApplyPathwayResult>(
        'POST',
        `/patients/${patient.patientId}/pathways`,
        clinician,
        {
          pathwayId: defaultPathway.id,
        },
      );

      // The new infusion's own tasks, and a second look back: the last infusion is a new one.
      expect(again.body.created).toBe(EACH_INFUSION_TASKS + 1);
    });

    it('skips infusions that have already taken place', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      const scheduled = await call<ScheduledCourse>(
        'POST',
        `/patients/${patient.patientId}/course`,
        clinician,
        {
          infusions: NEW_YORK_COURSE.slice(0, 2).map((scheduledAt) => ({ scheduledAt })),
        },
      );
      await call('POST', `/infusions/${scheduled.body.infusions[0]?.id}/complete`, clinician);
      const applied = await call<ApplyPathwayResult>(
        'POST',
        `/patients/${patient.patientId}/pathways`,
        clinician,
        {
          pathwayId: defaultPathway.id,
        },
      );
      const infusionIds = new Set(
        applied.body.assignments.map((assignment) => assignment.infusionId),
      );

      expect(infusionIds).toEqual(new Set([null, scheduled.body.infusions[1]?.id]));
    });

    it('gives a discharged patient nothing new', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      await owner.query(
        `UPDATE patients SET status = 'discharged', discharged_at = now() WHERE id = $1`,
        [patient.patientId],
      );
      const apply = await call<ApiError>(
        'POST',
        `/patients/${patient.patientId}/pathways`,
        clinician,
        {
          pathwayId: defaultPathway.id,
        },
      );
      const adHoc = await call<ApiError>(
        'POST',
        `/patients/${patient.patientId}/assignments`,
        clinician,
        {
          contentSlug: 'box-breathing',
          dueAt: '2031-03-03T15:30:00Z',
        },
      );

      expect([apply.status, apply.body.code]).toEqual([409, 'patient_discharged']);
      expect([adHoc.status, adHoc.body.code]).toEqual([409, 'patient_discharged']);
    });

    it('answers 404 for a pathway of another clinic', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      const response = await call<ApiError>(
        'POST',
        `/patients/${patient.patientId}/pathways`,
        clinician,
        {
          pathwayId: birch.pathwayIds[0],
        },
      );

      expect([response.status, response.body.code]).toEqual([404, 'pathway_not_found']);
    });
  });

  describe('when an infusion moves', () => {
    it('moves only its open assignments; done and other ones keep their times', async () => {
      const { patient, infusions } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const third = infusions[2] as Infusion;
      const patientToken = await signIn(app, patient.email);
      const before = await assignmentsOf(patient.patientId);
      const done = find(before, 'infusion-preparation-checklist', third.id);
      expect(
        (await call('PUT', `/me/assignments/${done.id}/done`, patientToken, { done: true })).status,
      ).toBe(200);

      // Friday 7 March 10:30 EST to Sunday 9 March 10:30 EDT: two days later, across the change.
      const moved = await call<Infusion>('PATCH', `/infusions/${third.id}`, clinician, {
        scheduledAt: '2031-03-09T14:30:00Z',
      });
      const after = await assignmentsOf(patient.patientId);
      const dueOf = (slug: string) => find(after, slug, third.id).dueAt;

      expect(moved.status).toBe(200);
      expect(moved.body.scheduledAt).toBe('2031-03-09T14:30:00.000Z');
      expect({
        intention: dueOf('setting-an-intention'),
        morningOf: dueOf('infusion-day-checklist'),
        afterwards: dueOf('after-your-infusion-checklist'),
        evening: dueOf('same-evening-check-in'),
        morningAfter: dueOf('next-day-reflection'),
      }).toEqual({
        intention: '2031-03-09T00:00:00.000Z',
        morningOf: '2031-03-09T11:00:00.000Z',
        afterwards: '2031-03-09T16:30:00.000Z',
        evening: '2031-03-10T00:00:00.000Z',
        morningAfter: '2031-03-10T13:00:00.000Z',
      });
      expect(find(after, 'infusion-preparation-checklist', third.id)).toMatchObject({
        status: 'done',
        dueAt: done.dueAt,
      });
      const untouched = (list: Assignment[]) =>
        list
          .filter((assignment) => assignment.infusionId !== third.id)
          .map(({ id, dueAt, status }) => ({ id, dueAt, status }));
      expect(untouched(after)).toEqual(untouched(before));
    });

    it('moves an assignment given by hand for that infusion by the same distance', async () => {
      const { patient, infusions } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const first = infusions[0] as Infusion;
      const given = await call<Assignment>(
        'POST',
        `/patients/${patient.patientId}/assignments`,
        clinician,
        {
          contentSlug: 'box-breathing',
          dueAt: '2031-03-03T14:30:00Z',
          infusionId: first.id,
        },
      );
      await call('PATCH', `/infusions/${first.id}`, clinician, {
        scheduledAt: '2031-03-04T15:30:00Z',
      });
      const after = find(await assignmentsOf(patient.patientId), 'box-breathing', first.id);

      expect(given.status).toBe(201);
      expect(given.body.offset).toEqual({ kind: 'duration', minutes: -60 });
      expect(after.dueAt).toBe('2031-03-04T14:30:00.000Z');
    });

    it('refuses a time the patient already has an infusion at, and moves nothing', async () => {
      const { patient, infusions } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const before = await assignmentsOf(patient.patientId);
      const response = await call<ApiError>('PATCH', `/infusions/${infusions[2]?.id}`, clinician, {
        scheduledAt: NEW_YORK_COURSE[3],
      });

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'infusion_slot_taken',
        fields: { scheduledAt: [expect.any(String)] },
      });
      expect(await assignmentsOf(patient.patientId)).toEqual(before);
    });

    it.each([
      [{}, 'validation_failed', 400],
      [{ scheduledAt: 'Friday' }, 'validation_failed', 400],
      [{ durationMinutes: 1000 }, 'validation_failed', 400],
    ])('refuses %j', async (payload, code, status) => {
      const response = await call<ApiError>(
        'PATCH',
        `/infusions/${alder.infusionIds[0]}`,
        clinician,
        payload,
      );

      expect([response.status, response.body.code]).toEqual([status, code]);
      expect(response.body.message).toMatch(/scheduledAt|durationMinutes/);
    });

    it('will not move an infusion that was cancelled or has taken place', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      const { body } = await call<ScheduledCourse>(
        'POST',
        `/patients/${patient.patientId}/course`,
        clinician,
        {
          infusions: NEW_YORK_COURSE.slice(0, 2).map((scheduledAt) => ({ scheduledAt })),
        },
      );
      const [cancelled, completed] = body.infusions as [Infusion, Infusion];
      await call('POST', `/infusions/${cancelled.id}/cancel`, clinician);
      await call('POST', `/infusions/${completed.id}/complete`, clinician);
      const move = (infusion: Infusion) =>
        call<ApiError>('PATCH', `/infusions/${infusion.id}`, clinician, {
          scheduledAt: '2031-08-01T14:30:00Z',
        });

      expect((await move(cancelled)).body.code).toBe('infusion_cancelled');
      expect((await move(completed)).body.code).toBe('infusion_completed');
      expect(
        (await call<ApiError>('POST', `/infusions/${cancelled.id}/complete`, clinician)).body.code,
      ).toBe('infusion_cancelled');
      expect(
        (await call<ApiError>('POST', `/infusions/${completed.id}/cancel`, clinician)).body.code,
      ).toBe('infusion_completed');
    });
  });

  describe('when an infusion is cancelled or completed', () => {
    it('withdraws the open assignments of a cancelled infusion, not the done ones', async () => {
      const { patient, infusions } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const fifth = infusions[4] as Infusion;
      const patientToken = await signIn(app, patient.email);
      const done = find(await assignmentsOf(patient.patientId), 'setting-an-intention', fifth.id);
      await call('PUT', `/me/assignments/${done.id}/done`, patientToken, { done: true });

      const cancelled = await call<Infusion>('POST', `/infusions/${fifth.id}/cancel`, clinician);
      const again = await call<Infusion>('POST', `/infusions/${fifth.id}/cancel`, clinician);
      const ofFifth = (await assignmentsOf(patient.patientId)).filter(
        (assignment) => assignment.infusionId === fifth.id,
      );
      const mine = await call<AssignmentGroups>('GET', '/me/assignments', patientToken);
      const withdrawn = await call<AssignmentGroups>(
        'GET',
        '/me/assignments?status=withdrawn',
        patientToken,
      );

      expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
      expect([again.status, again.body.status]).toEqual([200, 'cancelled']);
      expect(
        ofFifth.filter((assignment) => assignment.status === 'done').map(({ id }) => id),
      ).toEqual([done.id]);
      expect(ofFifth.filter((assignment) => assignment.status === 'withdrawn')).toHaveLength(
        EACH_INFUSION_TASKS - 1,
      );
      expect(
        mine.body.groups.flatMap((group) => group.assignments).map(({ status }) => status),
      ).not.toContain('withdrawn');
      expect(withdrawn.body.groups.map((group) => group.infusion?.id)).toEqual([fifth.id]);
    });

    it('leaves the assignments of a completed infusion as they were', async () => {
      const { patient, infusions } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const before = await assignmentsOf(patient.patientId);
      const completed = await call<Infusion>(
        'POST',
        `/infusions/${infusions[0]?.id}/complete`,
        clinician,
      );

      expect(completed.body.status).toBe('completed');
      expect(await assignmentsOf(patient.patientId)).toEqual(before);
    });
  });

  describe('the patient’s checklists', () => {
    let patient: FixturePatient;
    let token: string;
    let checklist: Assignment;
    let guide: Assignment;

    beforeAll(async () => {
      ({ patient } = await patientOnCourse('Australia/Sydney', SYDNEY_COURSE));
      token = await signIn(app, patient.email);
      const { groups } = (await call<AssignmentGroups>('GET', '/me/assignments', token)).body;
      const ofInfusion = (index: number, slug: string) =>
        groups[index]?.assignments.find(
          (assignment) => assignment.contentSlug === slug,
        ) as Assignment;
      // Of different infusions, so that cancelling the checklist's leaves the guide open.
      checklist = ofInfusion(1, 'infusion-preparation-checklist');
      guide = ofInfusion(2, 'setting-an-intention');
    });

    const tick = (
      assignmentId: string,
      itemId: string,
      payload: object = { checked: true },
      as = token,
    ) =>
      call<Assignment & ApiError>(
        'PUT',
        `/me/assignments/${assignmentId}/checklist/${itemId}`,
        as,
        payload,
      );

    const ticksOf = async (assignmentId: string) =>
      (
        await owner.query<{ item_id: string; checked: boolean }>(
          `SELECT item_id, checked FROM assignment_checklist_ticks
           WHERE assignment_id = $1 ORDER BY item_id`,
          [assignmentId],
        )
      ).rows;

    it('groups the patient’s own assignments by infusion, enrolment first', async () => {
      const mine = await call<AssignmentGroups>('GET', '/me/assignments', token);

      expect(mine.body.groups.map((group) => group.infusion?.scheduledAt ?? null)).toEqual([
        null,
        ...SYDNEY_COURSE.map((at) => new Date(at).toISOString()),
      ]);
      expect(
        new Set(mine.body.groups.flatMap((group) => group.assignments.map((a) => a.patientId))),
      ).toEqual(new Set([patient.patientId]));
    });

    it('filters them by infusion', async () => {
      const infusionId = checklist.infusionId ?? '';
      const mine = await call<AssignmentGroups>(
        'GET',
        `/me/assignments?infusionId=${infusionId}`,
        token,
      );

      expect(mine.body.groups.map((group) => group.infusion?.id)).toEqual([infusionId]);
    });

    it('saves each tick at once, and a retried tick changes nothing', async () => {
      const first = await tick(checklist.id, 'ride-home-arranged');
      const retries = await Promise.all(
        [1, 2, 3, 4].map(() => tick(checklist.id, 'ride-home-arranged')),
      );
      const other = await tick(checklist.id, 'comfortable-clothes');

      expect([first.status, ...retries.map((retry) => retry.status), other.status]).toEqual([
        200, 200, 200, 200, 200, 200,
      ]);
      expect(other.body.checklist?.filter((item) => item.checked).map((item) => item.id)).toEqual([
        'ride-home-arranged',
        'comfortable-clothes',
      ]);
      expect(await ticksOf(checklist.id)).toEqual([
        { item_id: 'comfortable-clothes', checked: true },
        { item_id: 'ride-home-arranged', checked: true },
      ]);
    });

    it('clears a tick with checked false, as often as it is sent', async () => {
      await tick(checklist.id, 'playlist-ready');
      await tick(checklist.id, 'playlist-ready', { checked: false });
      const again = await tick(checklist.id, 'playlist-ready', { checked: false });

      expect(again.body.checklist?.find((item) => item.id === 'playlist-ready')?.checked).toBe(
        false,
      );
      expect(
        (await ticksOf(checklist.id)).filter((row) => row.item_id === 'playlist-ready'),
      ).toEqual([{ item_id: 'playlist-ready', checked: false }]);
    });

    it('names the items of the checklist when an item is not one of them', async () => {
      const response = await tick(checklist.id, 'passport-packed');

      expect([response.status, response.body.code]).toEqual([404, 'checklist_item_not_found']);
      expect(response.body.message).toMatch(/ride-home-arranged/);
    });

    it.each([
      [
        'an assignment that is not a checklist',
        () => tick(guide.id, 'ride-home-arranged'),
        404,
        'checklist_item_not_found',
      ],
      ['a malformed item id', () => tick(checklist.id, 'Ride_Home'), 400, 'validation_failed'],
      [
        'a checked that is not true or false',
        () => tick(checklist.id, 'ride-home-arranged', { checked: 'yes' }),
        400,
        'validation_failed',
      ],
      [
        'an unknown field',
        () => tick(checklist.id, 'ride-home-arranged', { checked: true, at: 'now' }),
        400,
        'validation_failed',
      ],
      [
        'an assignment id that is not an id',
        () => tick('42', 'ride-home-arranged'),
        400,
        'validation_failed',
      ],
    ])('refuses %s', async (_case, send, status, code) => {
      const response = await send();

      expect([response.status, response.body.code]).toEqual([status, code]);
    });

    it('answers 404 for another patient’s assignment, in the same clinic or another', async () => {
      const { patient: other } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const theirs = (await assignmentsOf(other.patientId)).find(
        (assignment) => assignment.contentSlug === 'infusion-preparation-checklist',
      ) as Assignment;
      const birchPatient = await signIn(app, birch.patientUser.email);

      const sameClinic = await tick(theirs.id, 'ride-home-arranged');
      const otherClinic = await tick(
        checklist.id,
        'ride-home-arranged',
        { checked: true },
        birchPatient,
      );
      const done = await call<ApiError>('PUT', `/me/assignments/${theirs.id}/done`, token, {
        done: true,
      });

      expect([sameClinic.status, sameClinic.body.code]).toEqual([404, 'assignment_not_found']);
      expect([otherClinic.status, otherClinic.body.code]).toEqual([404, 'assignment_not_found']);
      expect([done.status, done.body.code]).toEqual([404, 'assignment_not_found']);
      expect(await ticksOf(theirs.id)).toEqual([]);
    });

    it('marks an assignment done once, keeps the first time, and can open it again', async () => {
      const url = `/me/assignments/${guide.id}/done`;
      const first = await call<Assignment>('PUT', url, token, { done: true });
      const second = await call<Assignment>('PUT', url, token, { done: true });
      const reopened = await call<Assignment>('PUT', url, token, { done: false });

      expect(first.body.status).toBe('done');
      expect(second.body.completedAt).toBe(first.body.completedAt);
      expect(reopened.body).toMatchObject({ status: 'open', completedAt: null });
    });

    it('refuses a tick or a done on a withdrawn assignment', async () => {
      await call('POST', `/infusions/${checklist.infusionId}/cancel`, clinician);
      const ticked = await tick(checklist.id, 'day-kept-free');
      const done = await call<ApiError>('PUT', `/me/assignments/${checklist.id}/done`, token, {
        done: true,
      });

      expect([ticked.status, ticked.body.code]).toEqual([409, 'assignment_withdrawn']);
      expect([done.status, done.body.code]).toEqual([409, 'assignment_withdrawn']);
    });

    it('is for the patient alone', async () => {
      const response = await tick(checklist.id, 'ride-home-arranged', { checked: true }, clinician);

      expect(response.status).toBe(403);
    });

    it('lets the database refuse a patient who changes more than whether it is done', async () => {
      await expect(
        app
          .get(TenantTransactions)
          .run({ clinicId: alder.id, userId: patient.userId, role: 'patient' }, (manager) =>
            manager.query(`UPDATE assignments SET due_at = now() WHERE id = $1`, [guide.id]),
          ),
      ).rejects.toThrow(/only mark an assignment done or open/);
    });
  });

  describe('editing a pathway', () => {
    const task = (contentSlug: string, offset: object, anchor = 'each_infusion') => ({
      contentSlug,
      timing: { anchor, offset },
    });

    it('keeps tasks sent with their id, removes the others, and adds new ones', async () => {
      const created = await call<Pathway>('POST', '/pathways', clinician, {
        name: 'Boosters',
        tasks: [
          task('infusion-preparation-checklist', { kind: 'duration', minutes: -1440 }),
          task('next-day-reflection', { kind: 'local_time', days: 1, time: '09:00' }),
        ],
      });
      const [kept, dropped] = created.body.tasks as [Pathway['tasks'][0], Pathway['tasks'][0]];
      const patient = await addPatient(owner, alder, 'America/New_York');
      await call('POST', `/patients/${patient.patientId}/course`, clinician, {
        infusions: [{ scheduledAt: '2031-09-01T14:30:00Z' }],
      });
      await call('POST', `/patients/${patient.patientId}/pathways`, clinician, {
        pathwayId: created.body.id,
      });

      const edited = await call<Pathway>('PUT', `/pathways/${created.body.id}`, clinician, {
        name: 'Booster infusions',
        description: 'For patients coming back after their course.',
        tasks: [
          task('mindful-walk', { kind: 'local_time', days: 2, time: '10:00' }),
          {
            id: kept.id,
            ...task('infusion-preparation-checklist', { kind: 'duration', minutes: -2880 }),
          },
        ],
      });
      const read = await call<Pathway>('GET', `/pathways/${created.body.id}`, clinician);
      const given = await assignmentsOf(patient.patientId);

      expect(edited.status).toBe(200);
      expect(read.body).toEqual(edited.body);
      expect(read.body).toMatchObject({ name: 'Booster infusions', builtIn: null });
      expect(read.body.tasks.map((entry) => entry.contentSlug)).toEqual([
        'mindful-walk',
        'infusion-preparation-checklist',
      ]);
      expect(read.body.tasks[1]).toEqual({
        id: kept.id,
        contentSlug: 'infusion-preparation-checklist',
        timing: { anchor: 'each_infusion', offset: { kind: 'duration', minutes: -2880 } },
      });
      expect(read.body.tasks.map((entry) => entry.id)).not.toContain(dropped.id);
      // What the patient was already given stays with them.
      expect(given.map((assignment) => assignment.contentSlug).sort()).toEqual([
        'infusion-preparation-checklist',
        'next-day-reflection',
      ]);
    });

    it.each([
      [
        'a time of day past 23:59',
        [task('setting-an-intention', { kind: 'local_time', days: -1, time: '25:00' })],
        'tasks.0.timing.offset.time',
      ],
      [
        'minutes beyond 90 days',
        [task('setting-an-intention', { kind: 'duration', minutes: 1_000_000 })],
        'tasks.0.timing.offset.minutes',
      ],
      [
        'part of a minute',
        [task('setting-an-intention', { kind: 'duration', minutes: 1.5 })],
        'tasks.0.timing.offset.minutes',
      ],
      [
        'days beyond 90',
        [task('setting-an-intention', { kind: 'local_time', days: -120, time: '19:00' })],
        'tasks.0.timing.offset.days',
      ],
      [
        'minutes on a local-time offset',
        [task('setting-an-intention', { kind: 'local_time', days: -1, time: '19:00', minutes: 5 })],
        'tasks.0.timing.offset.minutes',
      ],
      [
        'an unknown kind of offset',
        [task('setting-an-intention', { kind: 'weekly', days: 1 })],
        'tasks.0.timing.offset.kind',
      ],
      [
        'an unknown anchor',
        [task('setting-an-intention', { kind: 'duration', minutes: 0 }, 'second_infusion')],
        'tasks.0.timing.anchor',
      ],
      [
        'a task due before enrolment',
        [task('setting-an-intention', { kind: 'duration', minutes: -60 }, 'enrolment')],
        'tasks.0.timing.offset',
      ],
      [
        'a slug that is not in the library',
        [task('dosing-guide', { kind: 'duration', minutes: 0 })],
        'tasks.0.contentSlug',
      ],
      [
        'a task without an offset',
        [{ contentSlug: 'setting-an-intention', timing: { anchor: 'each_infusion' } }],
        'tasks.0.timing.offset',
      ],
      ['no tasks', [], 'tasks'],
    ])('refuses %s, naming the field', async (_case, tasks, field) => {
      const response = await call<ApiError>('POST', '/pathways', clinician, {
        name: 'Broken',
        tasks,
      });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(Object.keys(response.body.fields ?? {})).toEqual([field]);
      expect(response.body.message).toMatch(/Please correct the request: .+/);
    });

    it('refuses a task id the pathway does not have', async () => {
      const response = await call<ApiError>('PUT', `/pathways/${defaultPathway.id}`, clinician, {
        name: 'Six-infusion course',
        tasks: [
          {
            id: birch.pathwayIds[0],
            ...task('setting-an-intention', { kind: 'duration', minutes: 0 }),
          },
        ],
      });

      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fields ?? {})).toEqual(['tasks.0.id']);
    });

    it('is for staff', async () => {
      const patientToken = await signIn(app, alder.patientUser.email);

      expect((await call('GET', '/pathways', patientToken)).status).toBe(403);
    });
  });

  describe('assigning by hand', () => {
    it('gives any content item at a due time', async () => {
      const patient = await addPatient(owner, alder, 'America/New_York');
      const response = await call<Assignment>(
        'POST',
        `/patients/${patient.patientId}/assignments`,
        clinician,
        {
          contentSlug: 'body-scan',
          dueAt: '2031-03-03T19:00:00-05:00',
        },
      );

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        contentSlug: 'body-scan',
        content: { kind: 'exercise', title: 'Body scan' },
        dueAt: '2031-03-04T00:00:00.000Z',
        infusionId: null,
        offset: null,
        status: 'open',
        checklist: null,
      });
    });

    it.each([
      [{ contentSlug: 'dosing-guide', dueAt: '2031-03-03T19:00:00Z' }, 400, 'contentSlug'],
      [{ contentSlug: 'body-scan', dueAt: '2031-03-03T19:00:00' }, 400, 'dueAt'],
      [{ contentSlug: 'body-scan' }, 400, 'dueAt'],
      [
        { contentSlug: 'body-scan', dueAt: '2031-03-03T19:00:00Z', infusionId: 'first' },
        400,
        'infusionId',
      ],
    ])('refuses %j', async (payload, status, field) => {
      const response = await call<ApiError>(
        'POST',
        `/patients/${alder.patientIds[0]}/assignments`,
        clinician,
        payload,
      );

      expect(response.status).toBe(status);
      expect(response.body.fields).toHaveProperty([field]);
    });

    it('refuses an infusion of another patient, a cancelled one, or one too far away', async () => {
      const { patient, infusions } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      await call('POST', `/infusions/${infusions[5]?.id}/cancel`, clinician);
      const assign = (infusionId: string | undefined, dueAt = '2031-03-03T14:30:00Z') =>
        call<ApiError>('POST', `/patients/${patient.patientId}/assignments`, clinician, {
          contentSlug: 'box-breathing',
          dueAt,
          infusionId,
        });

      expect((await assign(alder.infusionIds[0])).body.code).toBe('infusion_not_found');
      expect((await assign(infusions[5]?.id)).body.code).toBe('infusion_cancelled');
      expect((await assign(infusions[0]?.id, '2032-03-03T14:30:00Z')).body.fields).toHaveProperty(
        'dueAt',
      );
    });

    it('lists the assignments of one infusion, and refuses a malformed filter', async () => {
      const { patient, infusions } = await patientOnCourse('America/New_York', NEW_YORK_COURSE);
      const url = `/patients/${patient.patientId}/assignments`;
      const one = await call<AssignmentGroups>(
        'GET',
        `${url}?infusionId=${infusions[1]?.id}`,
        clinician,
      );
      const bad = await call<ApiError>(
        'GET',
        `${url}?infusionId=second&status=finished`,
        clinician,
      );

      expect(one.body.groups).toHaveLength(1);
      expect(one.body.groups[0]?.assignments).toHaveLength(EACH_INFUSION_TASKS);
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields ?? {}).sort()).toEqual(['infusionId', 'status']);
    });
  });
});
