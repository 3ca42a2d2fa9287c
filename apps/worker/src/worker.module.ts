import { Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, LoggerModule, QueuesModule } from '@ivks/server';
import { InfusionEventsProcessor } from './infusion-events/infusion-events.processor';

@Module({
  imports: [ConfigModule, LoggerModule, DatabaseModule, QueuesModule],
  providers: [InfusionEventsProcessor],
})
export class WorkerModule {}
