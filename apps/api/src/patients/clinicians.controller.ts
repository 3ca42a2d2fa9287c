import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ClinicianChoiceDto } from './dto/patient.dto';
import { PatientsService } from './patients.service';

/** Who can be put on a care team, for every member of staff who enrols patients. */
@ApiTags('patients')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'clinicians', version: '1' })
export class CliniciansController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @ApiOkResponse({ type: [ClinicianChoiceDto], description: 'The clinic’s active clinicians.' })
  list(): Promise<ClinicianChoiceDto[]> {
    return this.patients.clinicians();
  }
}
