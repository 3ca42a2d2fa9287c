import { Module } from '@nestjs/common';
import { AuditTrailModule } from '@ivks/server';
import { ClinicSignupController } from './clinic-signup.controller';
import { ClinicSignupService } from './clinic-signup.service';

@Module({
  imports: [AuditTrailModule],
  controllers: [ClinicSignupController],
  providers: [ClinicSignupService],
})
export class ClinicSignupModule {}
