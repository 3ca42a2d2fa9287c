import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { InfusionDto } from '../patients/dto/patient.dto';
import { MyInfusionsService } from './my-infusions.service';

@ApiTags('my infusions')
@ApiBearerAuth()
@Roles('patient')
@Controller({ path: 'me/infusions', version: '1' })
export class MyInfusionsController {
  constructor(private readonly infusions: MyInfusionsService) {}

  @Get()
  @ApiOkResponse({
    type: [InfusionDto],
    description: 'The patient’s own infusions, done and to come, the earliest first.',
  })
  list(@CurrentUser() user: AuthUser): Promise<InfusionDto[]> {
    return this.infusions.list(user.userId);
  }
}
