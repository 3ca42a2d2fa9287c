import type { AppConfig, InfusionScheduledJob, TenantTransactions } from '@ivks/server';
import { type Job, UnrecoverableError } from 'bullmq';
import type { PinoLogger } from 'nestjs-pino';
import { InfusionEventsProcessor } from './infusion-events.processor';

describe('InfusionEventsProcessor', () => {
  const run = jest.fn();
  const processor = new InfusionEventsProcessor(
    {} as AppConfig,
    { run } as unknown as TenantTransactions,
    { setContext: jest.fn() } as unknown as PinoLogger,
  );

  it.each([
    [{ clinicId: 'not-a-uuid', infusionId: '5b0b5f86-7a44-4a6e-9a0e-51a3d1f4f3a1' }],
    [{ clinicId: '5b0b5f86-7a44-4a6e-9a0e-51a3d1f4f3a1' }],
    [{}],
  ])('refuses %p without retrying and without opening a transaction', async (data) => {
    const job = { data } as unknown as Job<InfusionScheduledJob>;

    await expect(processor.process(job)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(run).not.toHaveBeenCalled();
  });
});
