import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditTrailModule } from '@ivks/server';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsService } from './audit-events.service';
import { AuditOriginInterceptor } from './audit-origin.interceptor';

@Module({
  imports: [AuditTrailModule],
  controllers: [AuditEventsController],
  providers: [AuditEventsService, { provide: APP_INTERCEPTOR, useClass: AuditOriginInterceptor }],
})
export class AuditModule {}
