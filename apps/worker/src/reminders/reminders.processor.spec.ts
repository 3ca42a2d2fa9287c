import type {
  AppConfig,
  Mailer,
  ReminderJob,
  ReminderScheduler,
  TenantTransactions,
} from '@ivks/server';
import { type Job, UnrecoverableError } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import { RemindersProcessor } from './reminders.processor';

describe('RemindersProcessor', () => {
  const run = jest.fn();
  const processor = new RemindersProcessor(
    {} as AppConfig,
    { now: () => new Date() },
    { run } as unknown as TenantTransactions,
    {} as ReminderScheduler,
    {} as Mailer,
    { setContext: jest.fn() } as unknown as PinoLogger,
  );
  const uuid = '5b0b5f86-7a44-4a6e-9a0e-51a3d1f4f3a1';

  it.each([
    [{ clinicId: 'not-a-uuid', occurrenceId: uuid, version: 1 }],
    [{ clinicId: uuid, occurrenceId: uuid }],
    [{ clinicId: uuid, occurrenceId: uuid, version: '1' }],
    [{}],
  ])('refuses %p without retrying and without opening a transaction', async (data) => {
    const job = { data } as unknown as Job<ReminderJob>;

    await expect(processor.process(job)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(run).not.toHaveBeenCalled();
  });
});
