import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
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
  @ApiCreatedResponse({
    type: PatientDetailDto,
    description: 'The patient is emailed an invitation to the portal.',
  })
  @ApiBadRequestResponse({ description: 'validation_failed, naming each field' })
  @ApiConflictResponse({ description: 'patient_email_taken' })
  enrol(@Body() body: EnrolPatientDto): Promise<PatientDetailDto> {
    return this.patients.enrol(body);
  }

  @Post(':id/discharge')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: PatientDetailDto,
    description: 'The record stays; open assignments are withdrawn and nothing new can start.',
  })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  @ApiConflictResponse({ description: 'patient_discharged: already discharged' })
  discharge(@Param('id', uuidPipe('patient id')) id: string): Promise<PatientDetailDto> {
    return this.patients.discharge(id);
  }

  @Post(':id/readmit')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PatientDetailDto })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  @ApiConflictResponse({ description: 'patient_not_discharged' })
  readmit(@Param('id', uuidPipe('patient id')) id: string): Promise<PatientDetailDto> {
    return this.patients.readmit(id);
  }
}
