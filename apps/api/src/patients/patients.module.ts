import { Module } from '@nestjs/common';
import { AuditTrailModule } from '@ivks/server';
import { PatientInvitationsModule } from '../patient-invitations/patient-invitations.module';
import { CliniciansController } from './clinicians.controller';
import { PatientsController } from './patients.controller';
import { PatientsService } from './patients.service';

@Module({
  imports: [AuditTrailModule, PatientInvitationsModule],
  controllers: [PatientsController, CliniciansController],
  providers: [PatientsService],
})
export class PatientsModule {}
