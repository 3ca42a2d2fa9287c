import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { ReadinessAnswersDto, ReadinessViewDto } from './dto/readiness.dto';
import { ReadinessService } from './readiness.service';

@ApiTags('readiness')
@ApiBearerAuth()
@Roles('patient')
@Controller({ path: 'me/infusions/:id/readiness', version: '1' })
export class MyReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @ApiOkResponse({
    type: ReadinessViewDto,
    description: 'All false, with no times, until the patient saves something.',
  })
  @ApiNotFoundResponse({ description: 'infusion_not_found' })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe('infusion id')) infusionId: string,
  ): Promise<ReadinessViewDto> {
    return this.readiness.mine(user.userId, infusionId);
  }

  @Put()
  @ApiOkResponse({
    type: ReadinessViewDto,
    description: 'Saving the same answers again changes nothing.',
  })
  @ApiNotFoundResponse({ description: 'infusion_not_found' })
  @ApiConflictResponse({ description: 'infusion_cancelled or infusion_completed' })
  save(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidPipe('infusion id')) infusionId: string,
    @Body() body: ReadinessAnswersDto,
  ): Promise<ReadinessViewDto> {
    return this.readiness.save(user.userId, infusionId, body);
  }
}
