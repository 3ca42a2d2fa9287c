import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, LoggerModule, MailModule, QueuesModule } from '@ivks/server';
import { EmailModule } from './email/email.module';
import { ExpiredSignups } from './housekeeping/expired-signups';
import { InfusionEventsProcessor } from './infusion-events/infusion-events.processor';
import { RemindersWorkerModule } from './reminders/reminders-worker.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    QueuesModule,
    MailModule,
    EmailModule,
    RemindersWorkerModule.forRoot(),
  ],
  providers: [InfusionEventsProcessor, ExpiredSignups],
})
export class WorkerModule {}
