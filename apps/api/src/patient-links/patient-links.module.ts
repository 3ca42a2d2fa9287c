import { Module } from '@nestjs/common';
import { PatientLinksController, SharedLinksController } from './patient-links.controller';
import { PatientLinksService } from './patient-links.service';

@Module({
  controllers: [PatientLinksController, SharedLinksController],
  providers: [PatientLinksService],
})
export class PatientLinksModule {}
