import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiError, EmailDeliveryPage } from '@ivks/contracts';
import type { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

describe('GET /api/v1/email-deliveries', () => {
  let owner: Client;
  let app: NestFastifyApplication;
  let clinic: FixtureClinic;
  let other: FixtureClinic;
  let ownerToken: string;

  const list = (query: string, token = ownerToken) =>
    app.inject({
      method: 'GET',
      url: `/api/v1/email-deliveries${query}`,
      headers: bearer(token),
    });

  const addDelivery = (
    clinicId: string,
    recipient: string,
    status: 'queued' | 'sent' | 'failed',
    minutesAgo: number,
  ) =>
    owner.query(
      `INSERT INTO email_deliveries
         (clinic_id, kind, recipient, status, attempts, last_error, created_at, sent_at, failed_at)
       VALUES ($1, 'password_reset', $2, $3, $4, $5, now() - make_interval(mins => $6),
               CASE WHEN $3 = 'sent' THEN now() END, CASE WHEN $3 = 'failed' THEN now() END)`,
      [
        clinicId,
        recipient,
        status,
        status === 'queued' ? 0 : status === 'sent' ? 1 : 6,
        status === 'failed' ? 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1025' : null,
        minutesAgo,
      ],
    );

  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner, 'Rowan', 1);
    other = await createClinic(owner, 'Yew', 1);
    await addDelivery(clinic.id, 'sent@test.example', 'sent', 30);
    await addDelivery(clinic.id, 'failed-old@test.example', 'failed', 20);
    await addDelivery(clinic.id, 'failed-new@test.example', 'failed', 10);
    await addDelivery(clinic.id, 'queued@test.example', 'queued', 5);
    await addDelivery(other.id, 'other-failed@test.example', 'failed', 1);
    app = await startApi();
    ownerToken = await signIn(app, clinic.owner.email);
  });

  afterAll(async () => {
    await app.close();
    await owner.end();
  });

  it('lists the clinic’s failed deliveries, newest first, paged', async () => {
    const response = await list('?status=failed&perPage=1');

    expect(response.statusCode).toBe(200);
    expect(response.headers['x-total-count']).toBe('2');
    const page = response.json<EmailDeliveryPage>();
    expect(page.total).toBe(2);
    expect(page.data).toEqual([
      {
        id: expect.any(String) as string,
        kind: 'password_reset',
        recipient: 'failed-new@test.example',
        status: 'failed',
        attempts: 6,
        lastError: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:1025',
        createdAt: expect.any(String) as string,
        sentAt: null,
        failedAt: expect.any(String) as string,
      },
    ]);
    const second = (await list('?status=failed&perPage=1&page=2')).json<EmailDeliveryPage>();
    expect(second.data.map((delivery) => delivery.recipient)).toEqual(['failed-old@test.example']);
  });

  it('lists every delivery without a status, and none of another clinic', async () => {
    const page = (await list('')).json<EmailDeliveryPage>();

    expect(page.data.map((delivery) => delivery.recipient)).toEqual([
      'queued@test.example',
      'failed-new@test.example',
      'failed-old@test.example',
      'sent@test.example',
    ]);
  });

  it.each([
    ['?status=bounced', 'status', 'status must be one of queued, sent, failed'],
    ['?perPage=0', 'perPage', 'perPage'],
    ['?page=first', 'page', 'page must be a whole number'],
  ])('answers %s with a 400 naming the parameter', async (query, field, message) => {
    const response = await list(query);

    expect(response.statusCode).toBe(400);
    const body = response.json<ApiError>();
    expect(body.code).toBe('validation_failed');
    expect(Object.keys(body.fields ?? {})).toEqual([field]);
    expect(body.message).toContain(message);
  });

  it('is for owners and admins only', async () => {
    for (const email of [clinic.clinician.email, clinic.patientUser.email]) {
      const response = await list('?status=failed', await signIn(app, email));
      expect(response.statusCode).toBe(403);
    }
  });
});
