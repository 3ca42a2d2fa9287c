import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ClinicSettingsService } from './clinic-settings.service';
import { ClinicSettingsDto, UpdateClinicSettingsDto } from './dto/clinic-settings.dto';

@ApiTags('clinic')
@ApiBearerAuth()
@Controller({ path: 'clinic', version: '1' })
export class ClinicSettingsController {
  constructor(private readonly settings: ClinicSettingsService) {}

  @Get()
  @Roles('owner', 'admin', 'clinician')
  @ApiOkResponse({ type: ClinicSettingsDto, description: 'The signed-in staff member’s clinic.' })
  get(): Promise<ClinicSettingsDto> {
    return this.settings.get();
  }

  @Patch()
  @Roles('owner', 'admin')
  @ApiOkResponse({ type: ClinicSettingsDto })
  update(@Body() body: UpdateClinicSettingsDto): Promise<ClinicSettingsDto> {
    return this.settings.update(body);
  }
}
