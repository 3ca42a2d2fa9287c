import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import {
  EnrolPatientDto,
  ListPatientsQueryDto,
  PatientDetailDto,
  PatientPageDto,
} from './dto/patient.dto';
import { PatientsService } from './patients.service';

@ApiTags('patients')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'patients', version: '1' })
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @ApiOkResponse({ type: PatientPageDto, description: 'The total is also in X-Total-Count.' })
  async list(
    @Query() query: ListPatientsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PatientPageDto> {
    const page = await this.patients.list(query);
    void reply.header('x-total-count', String(page.total));

    return page;
  }

  @Get(':id')
  @ApiOkResponse({ type: PatientDetailDto, description: 'Recorded in the audit trail.' })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  get(@Param('id', uuidPipe('patient id')) id: string): Promise<PatientDetailDto> {
    return this.patients.view(id);
  }

  @Post()
  @ApiCreatedResponse({ type: PatientDetailDto })
  enrol(@Body() body: EnrolPatientDto): Promise<PatientDetailDto> {
    return this.patients.enrol(body);
  }
}
