import { randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import {
  createClinic,
  FIXTURE_CHECKLIST,
  type FixtureClinic,
  ownerClient,
} from './support/fixtures';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** What clinic A's patient wrote and shared with their care team. */
const JOURNAL_TEXT = 'Alder journal words that no other clinic may read';

/** Records of clinic A that only its own people may list, each recognisable in an answer. */
const ALDER_DELIVERY_RECIPIENT = 'delivery.alder@test.example';
const ALDER_NOTIFICATION_TITLE = 'Alder notification';

/**
 * Routes whose id the caller makes up for a record of its own, such as a draft's id: answering
 * them creates the caller's own record and touches nothing of the other clinic's.
 */
const CALLER_NAMED_ROUTES = new Set(['PUT /api/v1/me/journal/{clientId}']);

/** Routes that end the caller's own sessions: called last, so every other route sees a live one. */
const SESSION_ENDING_ROUTES = new Set([
  'POST /api/v1/auth/sign-out',
  'POST /api/v1/auth/sign-out-everywhere',
]);

/** What a staff member whose clinic requires a second factor may do before setting one up. */
const ENROLMENT_ROUTES = new Set([
  'GET /api/v1/me',
  'GET /api/v1/me/mfa',
  'POST /api/v1/me/mfa/totp',
  'POST /api/v1/me/mfa/totp/confirm',
  'POST /api/v1/auth/sign-out-everywhere',
]);

/**
 * Reads the OpenAPI document and calls every route as every role of one clinic, with the ids of
 * another clinic's records in the address. A new route is covered the day it is documented.
 */
describe('clinic isolation across every documented route', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let alder: FixtureClinic;
  let birch: FixtureClinic;
  let routes: { method: Method; path: string }[];
  let journalEntryId: string;
  let notificationId: string;
  let publicRoutes: Set<string>;
  const staffInvitationIds = new Map<string, string>();

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder');
    birch = await createClinic(owner, 'Birch');
    for (const clinic of [alder, birch]) {
      const invitationId = randomUUID();
      staffInvitationIds.set(clinic.id, invitationId);
      await owner.query(
        `INSERT INTO staff_invitations (clinic_id, id, email, display_name, role, secret_hash, expires_at)
         VALUES ($1, $2, $3, 'Invited', 'clinician', $4, now() + interval '7 days')`,
        [clinic.id, invitationId, `invited.${invitationId}@test.example`, randomBytes(32)],
      );
    }
    await owner.query(
      `INSERT INTO email_deliveries (clinic_id, kind, recipient, status, attempts, last_error, failed_at)
       VALUES ($1, 'reminder', $2, 'failed', 6, 'refused', now())`,
      [alder.id, ALDER_DELIVERY_RECIPIENT],
    );
    notificationId = randomUUID();
    await owner.query(
      `WITH occurrence AS (
         INSERT INTO reminder_occurrences
           (clinic_id, kind, subject_id, slot, patient_id, due_at, fingerprint, status, sent_at)
         VALUES ($1, 'infusion_day_before', $3, 'once', $2, now(), 'isolation', 'sent', now())
         RETURNING id
       )
       INSERT INTO notifications
         (clinic_id, id, patient_id, kind, title, body, link, occurrence_id, occurrence_version)
       SELECT $1, $4, $2, 'infusion_day_before', $5, 'Alder only', '/', id, 1
       FROM occurrence`,
      [
        alder.id,
        alder.patientIds[0],
        alder.infusionIds[0],
        notificationId,
        ALDER_NOTIFICATION_TITLE,
      ],
    );
    app = await startApi();
    const alderPatient = bearer(await signIn(app, alder.patientUser.email));
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/me/journal/${randomUUID()}`,
      headers: alderPatient,
      payload: { text: JOURNAL_TEXT, status: 'saved' },
    });
    journalEntryId = saved.json<{ id: string }>().id;
    await app.inject({
      method: 'POST',
      url: `/api/v1/me/journal/${journalEntryId}/share`,
      headers: alderPatient,
    });
    const document = (
      await app.inject({ method: 'GET', url: '/api/docs-json' })
    ).json<OpenApiDocument>();
    routes = Object.entries(document.paths)
      .flatMap(([path, operations]) =>
        METHODS.filter((method) => method.toLowerCase() in operations).map((method) => ({
          method,
          path,
        })),
      )
      .sort(
        (a, b) =>
          Number(SESSION_ENDING_ROUTES.has(`${a.method} ${a.path}`)) -
          Number(SESSION_ENDING_ROUTES.has(`${b.method} ${b.path}`)),
      );
    publicRoutes = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(
            ([, operation]) =>
              !(operation as { security?: Record<string, unknown>[] }).security?.some(
                (requirement) => 'bearer' in requirement,
              ),
          )
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      ),
    );
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  /** Everything of clinic A that must never appear in an answer to clinic B. */
  const secretsOf = (clinic: FixtureClinic) => [
    clinic.id,
    clinic.name,
    ...clinic.patientIds,
    ...clinic.infusionIds,
    ...clinic.pathwayIds,
    ...clinic.assignmentIds,
    ...clinic.linkIds,
    clinic.content.title,
    clinic.content.instruction,
    clinic.owner.email,
    clinic.clinician.email,
    clinic.patientUser.email,
  ];

  /** Fills each path parameter with a record of `clinic` of the kind the path names. */
  const addressIn = (path: string, clinic: FixtureClinic) =>
    path.replace(/(\w+)\/\{(\w+)\}/g, (_match, collection: string, parameter: string) => {
      const ids: Record<string, string | undefined> = {
        patients: clinic.patientIds[0],
        infusions: clinic.infusionIds[0],
        pathways: clinic.pathwayIds[0],
        assignments: clinic.assignmentIds[0],
        checklist: FIXTURE_CHECKLIST.itemId,
        links: clinic.linkIds[0],
        content: clinic.content.slug,
        journal: journalEntryId,
        notifications: notificationId,
        // A shared link opens for whoever holds its token; what must fail is a guessed one.
        calendar: `${clinic.linkIds[0]}.${'A'.repeat(43)}`,
        chaperone: `${clinic.linkIds[1]}.${'A'.repeat(43)}`,
        invitations: `${randomUUID()}.${'A'.repeat(43)}`,
        // Where one collection name serves two kinds of path, the parameter tells them apart.
        'invitations/{invitationId}': staffInvitationIds.get(clinic.id),
        staff: clinic.clinician.membershipId,
      };
      const id = ids[`${collection}/{${parameter}}`] ?? ids[collection];
      if (!id) {
        throw new Error(`The isolation suite does not know which record to use for ${path}.`);
      }

      return `${collection}/${id}`;
    });

  /**
   * A body each route accepts, so that the call gets past validation and reaches the records
   * themselves; routes not named here get one that covers the older routes.
   */
  const payloadFor = (
    route: { method: Method; path: string },
    role: string,
    clinic: FixtureClinic,
  ) => {
    const task = {
      contentSlug: FIXTURE_CHECKLIST.slug,
      timing: { anchor: 'each_infusion', offset: { kind: 'duration', minutes: -60 } },
    };
    const bodies: Record<string, object> = {
      'POST /api/v1/patients/{id}/infusions': { scheduledAt: '2032-05-06T09:00:00Z' },
      'POST /api/v1/patients/{id}/course': { infusions: [{ scheduledAt: '2032-05-06T09:00:00Z' }] },
      'PATCH /api/v1/infusions/{id}': { scheduledAt: '2032-05-07T09:00:00Z' },
      'POST /api/v1/pathways': { name: 'X', tasks: [task] },
      'PUT /api/v1/pathways/{id}': { name: 'X', tasks: [task] },
      'POST /api/v1/patients/{id}/pathways': { pathwayId: clinic.pathwayIds[0] },
      'POST /api/v1/patients/{id}/assignments': {
        contentSlug: 'box-breathing',
        dueAt: '2032-05-06T09:00:00Z',
        infusionId: clinic.infusionIds[0],
      },
      'PUT /api/v1/me/assignments/{id}/checklist/{itemId}': { checked: true },
      'PUT /api/v1/me/assignments/{id}/done': { done: true },
      'PUT /api/v1/me/notification-preferences': {
        emailEnabled: true,
        inAppEnabled: true,
        quietHoursStart: '21:00',
        quietHoursEnd: '08:00',
      },
      'PUT /api/v1/me/infusions/{id}/readiness': {
        rideArranged: true,
        instructionsFollowed: true,
        chaperoneBriefed: true,
      },
      'PUT /api/v1/patients/{id}/care-team': { membershipIds: [clinic.clinician.membershipId] },
      'PUT /api/v1/me/journal/{clientId}': { text: 'Words of my own.', status: 'saved' },
      'PUT /api/v1/me/journal/share-all': { enabled: false },
      'PATCH /api/v1/staff/{membershipId}': { role: 'admin' },
      'POST /api/v1/me/journal/{id}/share': {},
      'POST /api/v1/journal/{id}/replies': { text: 'A reply.' },
      'PUT /api/v1/journal/{id}/reviewed': { reviewed: true },
      'PUT /api/v1/content/{slug}': {
        slug: clinic.content.slug,
        kind: 'guide',
        phase: 'any_time',
        title: 'Replaced',
        summary: 'Replaced.',
        estimatedMinutes: 1,
        sections: [{ heading: 'Replaced', paragraphs: ['Replaced.'] }],
      },
    };

    return (
      bodies[`${route.method} ${route.path}`] ?? {
        scheduledAt: '2032-05-06T09:00:00Z',
        givenName: 'X',
        familyName: 'Y',
        email: `x.${role}@test.example`,
        timeZone: 'UTC',
      }
    );
  };

  it('covers the routes that take a record id', () => {
    expect(routes.filter((route) => route.path.includes('{')).length).toBeGreaterThanOrEqual(3);
  });

  it('never lets a role of another clinic succeed on, or see, a clinic’s records', async () => {
    const tokens = {
      owner: await signIn(app, birch.owner.email),
      clinician: await signIn(app, birch.clinician.email),
      patient: await signIn(app, birch.patientUser.email),
    };
    const secrets = [
      ...secretsOf(alder),
      JOURNAL_TEXT,
      ALDER_DELIVERY_RECIPIENT,
      ALDER_NOTIFICATION_TITLE,
      `invited.${staffInvitationIds.get(alder.id)}@test.example`,
    ];
    const failures: string[] = [];

    for (const route of routes) {
      const url = addressIn(route.path, alder);
      for (const [role, token] of Object.entries(tokens)) {
        const response = await app.inject({
          method: route.method,
          url,
          headers: bearer(token),
          ...(route.method === 'GET' || route.method === 'DELETE'
            ? {}
            : { payload: payloadFor(route, role, alder) }),
        });
        const leaked = secrets.filter((secret) => response.body.includes(secret));
        const touchedRecord =
          route.path.includes('{') &&
          !CALLER_NAMED_ROUTES.has(`${route.method} ${route.path}`) &&
          response.statusCode < 400;
        // A refusal of the body proves nothing about the record the address names.
        const stoppedAtTheBody = route.path.includes('{') && response.statusCode === 400;
        if (leaked.length > 0 || touchedRecord) {
          failures.push(
            `${role} ${route.method} ${route.path} → ${response.statusCode}, leaked ${leaked.length}`,
          );
        }
        if (stoppedAtTheBody) {
          failures.push(
            `${role} ${route.method} ${route.path} → 400 before reaching the record: ` +
              'give payloadFor a body it accepts',
          );
        }
      }
    }

    expect(failures).toEqual([]);
  });

  it('lets staff of a clinic that requires a second factor do nothing but enrol until they have one', async () => {
    const cedar = await createClinic(owner, 'Cedar', 1);
    await owner.query('UPDATE clinics SET mfa_required = true WHERE id = $1', [cedar.id]);
    const token = await signIn(app, cedar.clinician.email);
    const failures: string[] = [];

    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (
        ENROLMENT_ROUTES.has(key) ||
        SESSION_ENDING_ROUTES.has(key) ||
        !route.path.startsWith('/api/v1/')
      ) {
        continue;
      }
      const response = await app.inject({
        method: route.method,
        // Refused before any record is looked up, so any id will do.
        url: route.path.replace(/\{\w+\}/g, randomUUID()),
        headers: bearer(token),
        ...(route.method === 'GET' || route.method === 'DELETE'
          ? {}
          : { payload: payloadFor(route, 'clinician', cedar) }),
      });
      const refused =
        response.statusCode === 403 &&
        response.json<{ code: string }>().code === 'mfa_enrolment_required';
      // Public routes answer without a session, so the pending enrolment does not apply to them.
      if (!refused && !publicRoutes.has(key)) {
        failures.push(`${key} → ${response.statusCode}`);
      }
    }

    expect(failures).toEqual([]);
  });
});
