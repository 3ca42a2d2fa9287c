import { Module } from '@nestjs/common';
import { EmailDeliveriesController } from './email-deliveries.controller';
import { EmailDeliveriesService } from './email-deliveries.service';

@Module({
  controllers: [EmailDeliveriesController],
  providers: [EmailDeliveriesService],
})
export class EmailDeliveriesModule {}
