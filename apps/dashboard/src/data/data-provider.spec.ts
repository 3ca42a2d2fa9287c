/**
 * @jest-environment node
 */
// Node rather than jsdom: no DOM is needed, and react-admin's router needs TextEncoder, which jsdom lacks.
import { HttpError } from 'react-admin';
import { ApiClient, type FetchLike } from '../api/api-client';
import {
  auditEventListQuery,
  createDataProvider,
  patientListQuery,
  totalOf,
} from './data-provider';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

function scriptedApi(replies: Reply[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetchFn: FetchLike = (url, init) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const reply = replies.shift();
    if (reply === undefined) {
      return Promise.reject(new Error(`Unexpected request to ${url}`));
    }

    return Promise.resolve({
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      headers: new Headers(reply.headers),
      text: () => Promise.resolve(reply.body === undefined ? '' : JSON.stringify(reply.body)),
    });
  };

  return { api: new ApiClient(fetchFn), calls };
}

const maya = { id: 'p1', givenName: 'Maya', familyName: 'Rivera' };

describe('patientListQuery', () => {
  it('maps pagination, sort and filters to the API’s query string', () => {
    const query = patientListQuery({
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'nextInfusionAt', order: 'DESC' },
      filter: { q: '  maya ', status: 'active' },
    });

    expect(query.toString()).toBe(
      'page=2&perPage=10&sort=nextInfusionAt&order=DESC&q=maya&status=active',
    );
  });

  it('sorts the name column by family name', () => {
    const query = patientListQuery({ sort: { field: 'name', order: 'ASC' } });

    expect(query.get('sort')).toBe('familyName');
    expect(query.get('order')).toBe('ASC');
  });

  it('leaves out what the API would refuse: unknown sorts, unknown statuses, empty searches', () => {
    const query = patientListQuery({
      pagination: { page: 0, perPage: 25 },
      sort: { field: 'email', order: 'ASC' },
      filter: { q: '   ', status: 'everyone' },
    });

    expect(query.toString()).toBe('page=1&perPage=25');
  });
});

describe('auditEventListQuery', () => {
  const actor = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('maps the action, ids and whole days on the clinic’s clock to the API’s query string', () => {
    const query = auditEventListQuery({
      pagination: { page: 3, perPage: 50 },
      sort: { field: 'seq', order: 'DESC' },
      filter: {
        action: 'patient.viewed',
        actorUserId: actor,
        fromDate: '2025-12-08',
        toDate: '2025-12-09',
        timeZone: 'America/New_York',
      },
    });

    expect(Object.fromEntries(query)).toEqual({
      page: '3',
      perPage: '50',
      action: 'patient.viewed',
      actorUserId: actor,
      from: '2025-12-08T05:00:00.000Z',
      to: '2025-12-10T05:00:00.000Z',
    });
  });

  it('leaves out what the API would refuse: unknown actions, malformed ids and dates, a range that ends first', () => {
    const query = auditEventListQuery({
      filter: {
        action: 'patient.deleted',
        subjectId: 'p1',
        fromDate: '2025-12-09',
        toDate: '2025-12-01',
        timeZone: 'America/New_York',
      },
    });
    const malformed = auditEventListQuery({ filter: { fromDate: 'last week', toDate: '' } });

    expect(Object.fromEntries(query)).toEqual({
      page: '1',
      perPage: '25',
      from: '2025-12-09T05:00:00.000Z',
    });
    expect(malformed.toString()).toBe('page=1&perPage=25');
  });
});

describe('totalOf', () => {
  it('reads the total from the body first', () => {
    expect(totalOf({ total: 7 }, new Headers({ 'X-Total-Count': '9' }))).toBe(7);
  });

  it('falls back to the X-Total-Count header', () => {
    expect(totalOf({}, new Headers({ 'X-Total-Count': '9' }))).toBe(9);
  });

  it('fails rather than guess a total, which would break going back from a page past the end', () => {
    expect(() => totalOf({}, new Headers())).toThrow(HttpError);
  });
});

describe('createDataProvider', () => {
  it('returns the real total with an empty page past the end, so react-admin can go back', async () => {
    const { api, calls } = scriptedApi([{ status: 200, body: { data: [], total: 26 } }]);
    const dataProvider = createDataProvider(api);

    const result = await dataProvider.getList('patients', {
      pagination: { page: 5, perPage: 25 },
      sort: { field: 'familyName', order: 'ASC' },
      filter: {},
    });

    expect(result).toEqual({ data: [], total: 26 });
    expect(calls[0]?.url).toBe('/api/v1/patients?page=5&perPage=25&sort=familyName&order=ASC');
  });

  it('lists the audit trail with each event’s place in the trail as its id', async () => {
    const event = { seq: 7, action: 'auth.signed_in', occurredAt: '2025-12-09T15:30:00.000Z' };
    const { api, calls } = scriptedApi([
      { status: 200, body: { data: [event] }, headers: { 'X-Total-Count': '7' } },
    ]);

    const result = await createDataProvider(api).getList('audit-events', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'seq', order: 'DESC' },
      filter: { action: 'auth.signed_in', timeZone: 'America/New_York' },
    });

    expect(result).toEqual({ data: [{ ...event, id: 7 }], total: 7 });
    expect(calls[0]?.url).toBe('/api/v1/audit-events?page=1&perPage=25&action=auth.signed_in');
  });

  it('reads one patient by id', async () => {
    const { api, calls } = scriptedApi([{ status: 200, body: maya }]);

    await expect(createDataProvider(api).getOne('patients', { id: 'p1' })).resolves.toEqual({
      data: maya,
    });
    expect(calls[0]?.url).toBe('/api/v1/patients/p1');
  });

  it('enrols a patient with only the fields the API accepts', async () => {
    const { api, calls } = scriptedApi([{ status: 201, body: maya }]);

    await createDataProvider(api).create('patients', {
      data: {
        givenName: 'Maya',
        familyName: 'Rivera',
        email: 'maya@harbourside.example',
        timeZone: 'America/New_York',
        phone: '  ',
        notes: 'not a field',
      },
    });

    expect(calls[0]).toEqual({
      url: '/api/v1/patients',
      method: 'POST',
      body: {
        givenName: 'Maya',
        familyName: 'Rivera',
        email: 'maya@harbourside.example',
        timeZone: 'America/New_York',
      },
    });
  });

  it('schedules an infusion under its patient', async () => {
    const infusion = { id: 'i1', patientId: 'p1', scheduledAt: '2025-12-09T15:30:00.000Z' };
    const { api, calls } = scriptedApi([{ status: 201, body: infusion }]);

    const result = await createDataProvider(api).create('infusions', {
      data: { patientId: 'p1', scheduledAt: '2025-12-09T15:30:00.000Z', durationMinutes: 40 },
    });

    expect(result.data).toEqual(infusion);
    expect(calls[0]).toEqual({
      url: '/api/v1/patients/p1/infusions',
      method: 'POST',
      body: { scheduledAt: '2025-12-09T15:30:00.000Z', durationMinutes: 40 },
    });
  });

  it('passes on the API’s message and puts field problems where the form shows them', async () => {
    const { api } = scriptedApi([
      {
        status: 400,
        body: {
          statusCode: 400,
          code: 'validation_failed',
          message: 'Check the highlighted fields.',
          fields: { email: ['must be an email', 'is required'] },
        },
      },
    ]);

    const error: unknown = await createDataProvider(api)
      .create('patients', { data: {} })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      message: 'Check the highlighted fields.',
      status: 400,
      body: { errors: { email: 'must be an email. is required' } },
    });
  });

  it('refreshes the session once on a 401 and retries', async () => {
    const unauthenticated = { statusCode: 401, code: 'unauthenticated', message: 'Sign in.' };
    const { api, calls } = scriptedApi([
      { status: 401, body: unauthenticated },
      { status: 200, body: { accessToken: 'fresh', expiresIn: 900 } },
      { status: 200, body: maya },
    ]);

    await expect(createDataProvider(api).getOne('patients', { id: 'p1' })).resolves.toEqual({
      data: maya,
    });
    expect(calls.map((call) => call.url)).toEqual([
      '/api/v1/patients/p1',
      '/api/v1/auth/refresh',
      '/api/v1/patients/p1',
    ]);
  });
});

describe('the care methods', () => {
  it('schedules a course under its patient, sending only the infusions', async () => {
    const course = { infusions: [{ id: 'i1', scheduledAt: '2025-12-09T15:30:00.000Z' }] };
    const { api, calls } = scriptedApi([{ status: 201, body: course }]);

    const result = await createDataProvider(api).scheduleCourse('p1', [
      { scheduledAt: '2025-12-09T15:30:00.000Z' },
      { scheduledAt: '2025-12-11T15:30:00.000Z' },
    ]);

    expect(result).toEqual(course);
    expect(calls[0]).toEqual({
      url: '/api/v1/patients/p1/course',
      method: 'POST',
      body: {
        infusions: [
          { scheduledAt: '2025-12-09T15:30:00.000Z' },
          { scheduledAt: '2025-12-11T15:30:00.000Z' },
        ],
      },
    });
  });

  it('keeps the API’s field problems of each course row, so the form can show them', async () => {
    const { api } = scriptedApi([
      {
        status: 409,
        body: {
          statusCode: 409,
          code: 'infusion_slot_taken',
          message: 'This patient already has an infusion then.',
          fields: {
            'infusions.1.scheduledAt': ['This patient already has an infusion at that time'],
          },
        },
      },
    ]);

    const error: unknown = await createDataProvider(api)
      .scheduleCourse('p1', [{ scheduledAt: '2025-12-09T15:30:00.000Z' }])
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      status: 409,
      message: 'This patient already has an infusion then.',
      body: {
        errors: { 'infusions.1.scheduledAt': 'This patient already has an infusion at that time' },
      },
    });
  });

  it('lists the clinic’s pathways and applies one to a patient', async () => {
    const pathway = { id: 'w1', name: 'Six-infusion course' };
    const { api, calls } = scriptedApi([
      { status: 200, body: { data: [pathway], total: 1 } },
      { status: 201, body: { created: 4, assignments: [] } },
    ]);
    const dataProvider = createDataProvider(api);

    await expect(dataProvider.listPathways()).resolves.toEqual([pathway]);
    await expect(dataProvider.applyPathway('p1', 'w1')).resolves.toEqual({
      created: 4,
      assignments: [],
    });
    expect(calls).toEqual([
      { url: '/api/v1/pathways', method: 'GET', body: undefined },
      { url: '/api/v1/patients/p1/pathways', method: 'POST', body: { pathwayId: 'w1' } },
    ]);
  });

  it('reads a patient’s assignments, escaping the id in the address', async () => {
    const { api, calls } = scriptedApi([{ status: 200, body: { groups: [] } }]);

    await expect(createDataProvider(api).patientAssignments('p/1')).resolves.toEqual({
      groups: [],
    });
    expect(calls[0]?.url).toBe('/api/v1/patients/p%2F1/assignments');
  });

  it('reads the readiness board of today, or of a chosen day', async () => {
    const board = { date: '2025-12-09', timeZone: 'America/New_York', rows: [] };
    const { api, calls } = scriptedApi([
      { status: 200, body: board },
      { status: 200, body: board },
    ]);
    const dataProvider = createDataProvider(api);

    await dataProvider.readinessBoard();
    await dataProvider.readinessBoard('2025-12-09');

    expect(calls.map((call) => call.url)).toEqual([
      '/api/v1/readiness',
      '/api/v1/readiness?date=2025-12-09',
    ]);
  });
});
