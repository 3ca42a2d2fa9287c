import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { DurationOffsetDto, LocalTimeOffsetDto } from '../pathways/dto/timing.dto';
import { AssignmentsService } from './assignments.service';
import {
  ApplyPathwayDto,
  ApplyPathwayResultDto,
  AssignContentDto,
  AssignmentDto,
  AssignmentGroupsDto,
  ListAssignmentsQueryDto,
} from './dto/assignment.dto';

@ApiTags('assignments')
@ApiBearerAuth()
@ApiExtraModels(DurationOffsetDto, LocalTimeOffsetDto)
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'patients/:id', version: '1' })
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get('assignments')
  @ApiOkResponse({ type: AssignmentGroupsDto, description: 'Grouped by infusion, in due order.' })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  list(
    @Param('id', uuidPipe('patient id')) patientId: string,
    @Query() query: ListAssignmentsQueryDto,
  ): Promise<AssignmentGroupsDto> {
    return this.assignments.list(patientId, query);
  }

  @Post('assignments')
  @ApiCreatedResponse({ type: AssignmentDto })
  @ApiNotFoundResponse({ description: 'patient_not_found or infusion_not_found' })
  @ApiConflictResponse({ description: 'patient_discharged or infusion_cancelled' })
  assign(
    @Param('id', uuidPipe('patient id')) patientId: string,
    @Body() body: AssignContentDto,
  ): Promise<AssignmentDto> {
    return this.assignments.assign(patientId, body);
  }

  @Post('pathways')
  @ApiCreatedResponse({
    type: ApplyPathwayResultDto,
    description: 'Applying the same pathway again adds only the assignments that are missing.',
  })
  @ApiNotFoundResponse({ description: 'patient_not_found or pathway_not_found' })
  @ApiConflictResponse({ description: 'patient_discharged' })
  applyPathway(
    @Param('id', uuidPipe('patient id')) patientId: string,
    @Body() body: ApplyPathwayDto,
  ): Promise<ApplyPathwayResultDto> {
    return this.assignments.applyPathway(patientId, body.pathwayId);
  }
}
