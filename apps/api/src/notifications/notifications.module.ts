import { Module } from '@nestjs/common';
import { MyNotificationsController } from './my-notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [MyNotificationsController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
