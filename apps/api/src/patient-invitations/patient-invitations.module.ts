import { Module } from '@nestjs/common';
import { AuditTrailModule } from '@ivks/server';
import {
  PatientInvitationsController,
  PublicPatientInvitationsController,
} from './patient-invitations.controller';
import { PatientInvitationsService } from './patient-invitations.service';

@Module({
  imports: [AuditTrailModule],
  controllers: [PatientInvitationsController, PublicPatientInvitationsController],
  providers: [PatientInvitationsService],
  exports: [PatientInvitationsService],
})
export class PatientInvitationsModule {}
