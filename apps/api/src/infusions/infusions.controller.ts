import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { InfusionDto } from '../patients/dto/patient.dto';
import { ScheduleInfusionDto } from './dto/schedule-infusion.dto';
import { InfusionsService } from './infusions.service';

@ApiTags('infusions')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ version: '1' })
export class InfusionsController {
  constructor(private readonly infusions: InfusionsService) {}

  @Get('infusions/:id')
  @ApiOkResponse({ type: InfusionDto })
  @ApiNotFoundResponse({ description: 'infusion_not_found' })
  get(@Param('id', uuidPipe('infusion id')) id: string): Promise<InfusionDto> {
    return this.infusions.get(id);
  }

  @Post('patients/:id/infusions')
  @ApiCreatedResponse({ type: InfusionDto })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  @ApiConflictResponse({ description: 'infusion_slot_taken or patient_discharged' })
  schedule(
    @Param('id', uuidPipe('patient id')) patientId: string,
    @Body() body: ScheduleInfusionDto,
  ): Promise<InfusionDto> {
    return this.infusions.schedule(patientId, body);
  }
}
