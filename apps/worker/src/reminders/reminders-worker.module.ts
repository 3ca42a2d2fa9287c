import { type DynamicModule, Module } from '@nestjs/common';
import { type Clock, RemindersModule, systemClock } from '@ivks/server';
import { ReminderSweep } from './reminder-sweep';
import { RemindersProcessor } from './reminders.processor';

/** Sends reminders when they are due and recovers any that Redis lost. */
@Module({})
export class RemindersWorkerModule {
  /** Tests pass a clock they control; the worker reads the system's. */
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return {
      module: RemindersWorkerModule,
      imports: [RemindersModule.forRoot(clock)],
      providers: [RemindersProcessor, ReminderSweep],
      exports: [RemindersProcessor, ReminderSweep],
    };
  }
}
