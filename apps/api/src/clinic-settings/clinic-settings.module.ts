import { Module } from '@nestjs/common';
import { AuditTrailModule } from '@ivks/server';
import { ClinicSettingsController } from './clinic-settings.controller';
import { ClinicSettingsService } from './clinic-settings.service';

@Module({
  imports: [AuditTrailModule],
  controllers: [ClinicSettingsController],
  providers: [ClinicSettingsService],
})
export class ClinicSettingsModule {}
