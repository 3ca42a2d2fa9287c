/**
 * @jest-environment node
 */
// Node rather than jsdom: no DOM is needed, and react-admin's router needs TextEncoder, which jsdom lacks.
import { HttpError } from 'react-admin';
import { ApiClient, type FetchLike } from '../api/api-client';
import { createDataProvider, patientListQuery, totalOf } from './data-provider';

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
