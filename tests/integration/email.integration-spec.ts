import { randomUUID } from 'node:crypto';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  composeEmail,
  EMAIL_JOBS,
  EMAIL_QUEUE,
  type EmailJob,
  Mailer,
  type TenantScope,
  TenantTransactions,
} from '@ivks/server';
import { type Job, Queue } from 'bullmq';
import type { Transporter } from 'nodemailer';
import type { SentMessageInfo } from 'nodemailer/lib/smtp-transport';
import type { Client } from 'pg';
import { EMAIL_TRANSPORT, EmailProcessor } from '../../apps/worker/src/email/email.processor';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { type MailCatcher, startMailCatcher } from '../../tools/mail-catcher/src/mail-catcher';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

interface DeliveryRow {
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  failed_at: Date | null;
}

async function until<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the email pipeline', () => {
  let owner: Client;
  let clinic: FixtureClinic;
  let catcher: MailCatcher;
  let worker: INestApplicationContext;
  let workerOpen = false;
  let queue: Queue<EmailJob>;
  let tenants: TenantTransactions;
  let mailer: Mailer;
  let scope: TenantScope;

  const delivery = async (id: string) => {
    const result = await owner.query<DeliveryRow>(
      'SELECT status, attempts, last_error, sent_at, failed_at FROM email_deliveries WHERE id = $1',
      [id],
    );

    return result.rows[0];
  };
  const address = () => `person.${randomUUID().slice(0, 8)}@test.example`;
  const email = (to: string) => ({
    kind: 'password_reset' as const,
    to,
    ...composeEmail({
      subject: 'Reset your password',
      paragraphs: ['Someone asked to reset the password of this account.'],
      action: { label: 'Choose a new password', url: 'http://127.0.0.1:4200/reset#token' },
    }),
  });
  const send = (to: string) => tenants.run(scope, () => mailer.send(email(to)));

  beforeAll(async () => {
    owner = await ownerClient();
    clinic = await createClinic(owner, 'Mail', 1);
    scope = { clinicId: clinic.id, userId: clinic.owner.userId, role: 'owner' };
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;

    const stale = new Queue(EMAIL_QUEUE, { connection: { url: process.env.REDIS_URL } });
    await stale.obliterate({ force: true });
    await stale.close();

    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    workerOpen = true;
    queue = worker.get(EMAIL_JOBS);
    tenants = worker.get(TenantTransactions);
    mailer = worker.get(Mailer);
  });

  afterAll(async () => {
    if (workerOpen) {
      await worker.close();
    }
    await catcher.close();
    await owner.end();
  });

  it('sends an email queued in a transaction once, with both bodies, and records it sent', async () => {
    const to = address();
    const id = await send(to);

    const [message] = await until(async () => {
      const caught = catcher.messages().filter((candidate) => candidate.to.includes(to));

      return caught.length > 0 && (await delivery(id))?.status === 'sent' && caught;
    }, 'the email and its delivery');
    await sleep(200);

    expect(catcher.messages().filter((candidate) => candidate.to.includes(to))).toHaveLength(1);
    expect(message?.subject).toBe('Reset your password');
    expect(message?.text).toContain('Choose a new password: http://127.0.0.1:4200/reset#token');
    expect(message?.html).toContain('href="http://127.0.0.1:4200/reset#token"');
    expect(message?.from).toBe('no-reply@portal.localhost');
    const row = await delivery(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, failed_at: null });
    expect(row?.sent_at).toBeInstanceOf(Date);
  });

  it('sends nothing for a transaction that rolls back', async () => {
    const to = address();
    let id = '';

    await expect(
      tenants.run(scope, async () => {
        id = await mailer.send(email(to));
        throw new Error('the request failed after queueing its email');
      }),
    ).rejects.toThrow('the request failed');
    await sleep(500);

    expect(catcher.messages().filter((candidate) => candidate.to.includes(to))).toEqual([]);
    expect(await delivery(id)).toBeUndefined();
    expect(await queue.getJob(id)).toBeUndefined();
  });

  it('sends a job that arrives twice only once', async () => {
    const to = address();
    const id = await send(to);
    await until(async () => (await delivery(id))?.status === 'sent', 'the first send');
    const first = await queue.getJob(id);
    const data = first?.data as EmailJob;

    // The same job id again: BullMQ keeps the completed job and ignores the new one.
    await queue.add('password_reset', data, { jobId: id });
    // Delivered anew once the job is gone, as after a stalled worker: the delivery says sent.
    await first?.remove();
    await queue.add('password_reset', data, { jobId: id });
    const again = await until(async () => {
      const job = await queue.getJob(id);

      return job && (await job.isCompleted()) && job;
    }, 'the second delivery of the job');
    expect(again.returnvalue).toBe('already_sent');
    expect(await worker.get(EmailProcessor).process({ data } as Job<EmailJob>)).toBe(
      'already_sent',
    );

    expect(catcher.messages().filter((candidate) => candidate.to.includes(to))).toHaveLength(1);
    expect((await delivery(id))?.attempts).toBe(1);
  });

  it('gives an email sent again, after a stop before its record was written, the same Message-ID', async () => {
    const to = address();
    const id = await send(to);
    await until(async () => (await delivery(id))?.status === 'sent', 'the first send');
    const data = (await queue.getJob(id))?.data as EmailJob;
    // As if the worker had stopped after the SMTP server took the email but before the write.
    await owner.query(
      `UPDATE email_deliveries SET status = 'queued', sent_at = NULL WHERE id = $1`,
      [id],
    );

    expect(await worker.get(EmailProcessor).process({ data } as Job<EmailJob>)).toBe('sent');

    const copies = catcher.messages().filter((candidate) => candidate.to.includes(to));
    expect(copies.map((copy) => copy.messageId)).toEqual([
      `<${id}@portal.localhost>`,
      `<${id}@portal.localhost>`,
    ]);
  });

  it('retries with backoff while the SMTP server is down, then marks the delivery failed', async () => {
    const { smtpPort, httpPort } = catcher;
    await catcher.close();
    const to = address();
    const id = randomUUID();
    await owner.query(
      `INSERT INTO email_deliveries (clinic_id, id, kind, recipient) VALUES ($1, $2, 'reminder', $3)`,
      [clinic.id, id, to],
    );
    const queuedAt = Date.now();
    await queue.add(
      'reminder',
      { clinicId: clinic.id, deliveryId: id, ...email(to) },
      { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 200 } },
    );

    const seen = new Set<number>();
    const job = await until(
      async () => {
        const row = await delivery(id);
        seen.add(row?.attempts ?? 0);
        const current = await queue.getJob(id);

        return current && (await current.isFailed()) && current;
      },
      'the job to fail',
      15_000,
    );
    const failedAfter = Date.now() - queuedAt;

    expect(job.attemptsMade).toBe(3);
    // Two waits of the doubling backoff: 200 ms, then 400 ms.
    expect(failedAfter).toBeGreaterThanOrEqual(600);
    expect([...seen].sort()).toEqual(expect.arrayContaining([1, 2, 3]));
    const row = await delivery(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
    expect(row?.failed_at).toBeInstanceOf(Date);
    expect(row?.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(row?.last_error).not.toContain('reset#token');

    await sleep(1_000);
    expect((await delivery(id))?.attempts).toBe(3);

    catcher = await startMailCatcher({ smtpPort, httpPort });
  });

  it('finishes the email in hand when the worker is told to stop', async () => {
    const transport = worker.get<Transporter<SentMessageInfo>>(EMAIL_TRANSPORT);
    const sendMail = transport.sendMail.bind(transport);
    let started = false;
    jest.spyOn(transport, 'sendMail').mockImplementationOnce(async (message) => {
      started = true;
      await sleep(1_500);

      return sendMail(message);
    });
    const to = address();
    const id = await send(to);
    await until(() => Promise.resolve(started), 'the send to start');

    await worker.close();
    workerOpen = false;

    expect(catcher.messages().filter((candidate) => candidate.to.includes(to))).toHaveLength(1);
    expect((await delivery(id))?.status).toBe('sent');
  });
});
