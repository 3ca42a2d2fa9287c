import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { CareTeamsService } from './care-teams.service';
import { CareTeamDto, SetCareTeamDto } from './dto/care-team.dto';

@ApiTags('care teams')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'patients/:id/care-team', version: '1' })
export class CareTeamsController {
  constructor(private readonly careTeams: CareTeamsService) {}

  @Get()
  @ApiOkResponse({ type: CareTeamDto })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  get(@Param('id', uuidPipe('patient id')) id: string): Promise<CareTeamDto> {
    return this.careTeams.get(id);
  }

  @Put()
  @ApiOkResponse({
    type: CareTeamDto,
    description: 'Only the care team may read what the patient shares.',
  })
  @ApiBadRequestResponse({ description: 'validation_failed, naming each id that is not staff' })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  set(
    @Param('id', uuidPipe('patient id')) id: string,
    @Body() body: SetCareTeamDto,
  ): Promise<CareTeamDto> {
    return this.careTeams.set(id, body.membershipIds);
  }
}
