import { Module } from '@nestjs/common';
import { AuditTrailModule } from '@ivks/server';
import { PatientsController } from './patients.controller';
import { PatientsService } from './patients.service';

@Module({
  imports: [AuditTrailModule],
  controllers: [PatientsController],
  providers: [PatientsService],
})
export class PatientsModule {}
