import type { AppConfig, EmailDelivery, EmailJob, TenantTransactions } from '@ivks/server';
import { type Job, UnrecoverableError } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import type { Transporter } from 'nodemailer';
import { EmailProcessor } from './email.processor';
import { describeSmtpError } from './smtp-errors';

const CLINIC = '5b0b5f86-7a44-4a6e-9a0e-51a3d1f4f3a1';
const DELIVERY = '0d8f1a52-3c0b-4d47-9a51-6f0a2b9e7c11';

describe('EmailProcessor', () => {
  let stored: Partial<EmailDelivery> | null;
  const updates: Record<string, unknown>[] = [];
  const sendMail = jest.fn();
  const manager = {
    findOneBy: jest.fn(() => Promise.resolve(stored)),
    update: jest.fn((_entity: unknown, _key: unknown, values: Record<string, unknown>) => {
      updates.push(values);

      return Promise.resolve();
    }),
  };
  const run = jest.fn((_scope: unknown, work: (m: typeof manager) => Promise<unknown>) =>
    work(manager),
  );
  const processor = new EmailProcessor(
    { MAIL_FROM: 'Clinic <no-reply@test.example>' } as AppConfig,
    { sendMail } as unknown as Transporter,
    { run } as unknown as TenantTransactions,
    { setContext: jest.fn() } as unknown as PinoLogger,
  );

  const job = (attemptsMade = 0, attempts = 3) =>
    ({
      data: {
        clinicId: CLINIC,
        deliveryId: DELIVERY,
        to: 'someone@test.example',
        subject: 'Something is waiting',
        text: 'text body',
        html: '<p>html body</p>',
      },
      attemptsMade,
      opts: { attempts },
    }) as unknown as Job<EmailJob>;

  beforeEach(() => {
    stored = { status: 'queued', attempts: 0 };
    updates.length = 0;
    jest.clearAllMocks();
  });

  it('sends both bodies from MAIL_FROM, with a Message-ID of the delivery, and records it sent', async () => {
    sendMail.mockResolvedValue({});

    await expect(processor.process(job())).resolves.toBe('sent');
    expect(sendMail).toHaveBeenCalledWith({
      messageId: `<${DELIVERY}@test.example>`,
      from: 'Clinic <no-reply@test.example>',
      to: 'someone@test.example',
      subject: 'Something is waiting',
      text: 'text body',
      html: '<p>html body</p>',
    });
    expect(updates).toEqual([
      expect.objectContaining({ status: 'sent', sentAt: expect.any(Date) as Date }),
    ]);
  });

  it('does not send a delivery that was already sent', async () => {
    stored = { status: 'sent', attempts: 1 };

    await expect(processor.process(job())).resolves.toBe('already_sent');
    expect(sendMail).not.toHaveBeenCalled();
    expect(updates).toEqual([]);
  });

  it('records a passing failure and lets BullMQ try again', async () => {
    sendMail.mockRejectedValue(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ESOCKET' }),
    );

    const attempt = processor.process(job(0));

    await expect(attempt).rejects.toThrow('ESOCKET: connect ECONNREFUSED 127.0.0.1:1025');
    await expect(attempt).rejects.not.toBeInstanceOf(UnrecoverableError);
    expect(updates).toEqual([
      { attempts: expect.any(Function) as unknown, lastError: expect.any(String) as unknown },
    ]);
  });

  it('marks the delivery failed on its last attempt', async () => {
    sendMail.mockRejectedValue(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));

    await expect(processor.process(job(2, 3))).rejects.toThrow('ETIMEDOUT');
    expect(updates).toEqual([
      expect.objectContaining({ status: 'failed', failedAt: expect.any(Date) as Date }),
    ]);
  });

  it('fails at once, without retrying, when the server refuses for good', async () => {
    sendMail.mockRejectedValue(
      Object.assign(new Error('Mailbox unavailable'), { code: 'EENVELOPE', responseCode: 550 }),
    );

    await expect(processor.process(job(0, 6))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(updates).toEqual([
      expect.objectContaining({
        status: 'failed',
        lastError: 'EENVELOPE: SMTP 550: Mailbox unavailable',
      }),
    ]);
  });

  it.each([
    [{ clinicId: 'nope', deliveryId: DELIVERY, to: 'a@b.c' }],
    [{ clinicId: CLINIC }],
    [{}],
  ])('refuses %p without retrying and without opening a transaction', async (data) => {
    await expect(
      processor.process({ data, attemptsMade: 0, opts: {} } as unknown as Job<EmailJob>),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('describeSmtpError', () => {
  it('keeps the error short and on one line', () => {
    const long = describeSmtpError(new Error(`first\n  second ${'x'.repeat(400)}`));

    expect(long).toMatch(/^first second x+…$/);
    expect(long).toHaveLength(200);
    expect(describeSmtpError(undefined)).toBe('the email could not be sent');
  });
});
