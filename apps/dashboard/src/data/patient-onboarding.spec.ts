/**
 * @jest-environment node
 */
// Node rather than jsdom, as in data-provider.spec.ts: react-admin's router needs TextEncoder.
import { ApiClient, type FetchLike } from '../api/api-client';
import { createDataProvider } from './data-provider';

function recordingApi(body: unknown = {}) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetchFn: FetchLike = (url, init) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });

    return Promise.resolve({
      ok: true,
      status: 200,
      headers: new Headers(),
      text: () => Promise.resolve(JSON.stringify(body)),
    });
  };

  return { api: new ApiClient(fetchFn), calls };
}

const enrolment = {
  givenName: 'Robin',
  familyName: 'Newcomer',
  email: 'robin@example.com',
  timeZone: 'Europe/London',
};

describe('enrolment with a care team', () => {
  it('sends the chosen care team', async () => {
    const { api, calls } = recordingApi({ id: 'p9' });

    await createDataProvider(api).create('patients', {
      data: { ...enrolment, careTeam: ['m1', 'm2'] },
    });

    expect(calls[0]?.body).toEqual({ ...enrolment, careTeam: ['m1', 'm2'] });
  });

  it('leaves an empty choice to the API, which puts the enrolling clinician on the team', async () => {
    const { api, calls } = recordingApi({ id: 'p9' });

    await createDataProvider(api).create('patients', { data: { ...enrolment, careTeam: [] } });

    expect(calls[0]?.body).toEqual(enrolment);
  });
});

describe('invitations and discharge', () => {
  it.each([
    ['resendInvitation', '/api/v1/patients/p%2F1/invitation'],
    ['dischargePatient', '/api/v1/patients/p%2F1/discharge'],
    ['readmitPatient', '/api/v1/patients/p%2F1/readmit'],
  ] as const)('%s posts to %s', async (method, url) => {
    const { api, calls } = recordingApi();

    await createDataProvider(api)[method]('p/1');

    expect(calls).toEqual([{ url, method: 'POST', body: undefined }]);
  });

  it('lists the clinicians a care team is chosen from', async () => {
    const clinicians = [{ membershipId: 'm1', name: 'Dr. Hannah Okafor' }];
    const { api, calls } = recordingApi(clinicians);

    await expect(createDataProvider(api).listClinicians()).resolves.toEqual(clinicians);
    expect(calls[0]?.url).toBe('/api/v1/clinicians');
  });
});
