import { Module } from '@nestjs/common';
import { AuditOrigins } from './audit-origin';
import { AuditTrail } from './audit-trail.service';

/** The audit trail for any module that records events; it needs the global `DatabaseModule`. */
@Module({
  providers: [AuditTrail, AuditOrigins],
  exports: [AuditTrail, AuditOrigins],
})
export class AuditTrailModule {}
