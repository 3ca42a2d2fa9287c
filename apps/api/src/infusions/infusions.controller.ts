import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
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
import {
  RescheduleInfusionDto,
  ScheduleCourseDto,
  ScheduledCourseDto,
  ScheduleInfusionDto,
} from './dto/schedule-infusion.dto';
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

  @Post('patients/:id/course')
  @ApiCreatedResponse({ type: ScheduledCourseDto, description: 'The new infusions, in order.' })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  @ApiConflictResponse({
    description: 'infusion_slot_taken, naming each clashing entry, or patient_discharged',
  })
  scheduleCourse(
    @Param('id', uuidPipe('patient id')) patientId: string,
    @Body() body: ScheduleCourseDto,
  ): Promise<ScheduledCourseDto> {
    return this.infusions.scheduleCourse(patientId, body);
  }

  @Patch('infusions/:id')
  @ApiOkResponse({ type: InfusionDto, description: 'Its open assignments have moved with it.' })
  @ApiNotFoundResponse({ description: 'infusion_not_found' })
  @ApiConflictResponse({
    description:
      'infusion_slot_taken, infusion_cancelled, infusion_completed or patient_discharged',
  })
  reschedule(
    @Param('id', uuidPipe('infusion id')) id: string,
    @Body() body: RescheduleInfusionDto,
  ): Promise<InfusionDto> {
    return this.infusions.reschedule(id, body);
  }

  @Post('infusions/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InfusionDto, description: 'Its open assignments are withdrawn.' })
  @ApiNotFoundResponse({ description: 'infusion_not_found' })
  @ApiConflictResponse({ description: 'infusion_completed' })
  cancel(@Param('id', uuidPipe('infusion id')) id: string): Promise<InfusionDto> {
    return this.infusions.cancel(id);
  }

  @Post('infusions/:id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InfusionDto })
  @ApiNotFoundResponse({ description: 'infusion_not_found' })
  @ApiConflictResponse({ description: 'infusion_cancelled' })
  complete(@Param('id', uuidPipe('infusion id')) id: string): Promise<InfusionDto> {
    return this.infusions.complete(id);
  }
}
