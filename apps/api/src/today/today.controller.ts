import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { TodayView } from '@ivks/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { InfusionDto } from '../patients/dto/patient.dto';
import { TodayService } from './today.service';

class TodayPatientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() timeZone!: string;
}

class TodayClinicDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() timeZone!: string;
}

class TodayDto implements TodayView {
  @ApiProperty({ type: TodayPatientDto }) patient!: TodayPatientDto;
  @ApiProperty({ type: TodayClinicDto }) clinic!: TodayClinicDto;
  @ApiProperty({ type: InfusionDto, nullable: true }) nextInfusion!: InfusionDto | null;
  @ApiProperty() completedInfusions!: number;
  @ApiProperty() totalInfusions!: number;
}

@ApiTags('today')
@ApiBearerAuth()
@Roles('patient')
@Controller({ path: 'today', version: '1' })
export class TodayController {
  constructor(private readonly today: TodayService) {}

  @Get()
  @ApiOkResponse({ type: TodayDto })
  get(@CurrentUser() user: AuthUser): Promise<TodayDto> {
    return this.today.forPatient(user.userId);
  }
}
