import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import {
  ChaperoneDto,
  CreatedPatientLinkDto,
  CreatePatientLinkDto,
  PatientLinkDto,
} from './dto/patient-link.dto';
import { PatientLinksService } from './patient-links.service';

@ApiTags('links')
@ApiBearerAuth()
@Roles('patient')
@Controller({ path: 'me/links', version: '1' })
export class PatientLinksController {
  constructor(private readonly links: PatientLinksService) {}

  @Get()
  @ApiOkResponse({ type: [PatientLinkDto], description: 'The signed-in patient’s live links.' })
  list(): Promise<PatientLinkDto[]> {
    return this.links.list();
  }

  @Post()
  @ApiCreatedResponse({
    type: CreatedPatientLinkDto,
    description: 'Replaces the live link of the same purpose.',
  })
  create(@Body() body: CreatePatientLinkDto): Promise<CreatedPatientLinkDto> {
    return this.links.create(body.purpose);
  }

  @Delete(':linkId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The link stops working at once.' })
  @ApiNotFoundResponse({ description: 'link_not_found' })
  revoke(@Param('linkId', uuidPipe('link')) linkId: string): Promise<void> {
    return this.links.revoke(linkId);
  }
}

/** What a shared link opens, without sign-in: the token in the address is the permission. */
@ApiTags('links')
@Public()
@Controller({ version: '1' })
export class SharedLinksController {
  constructor(private readonly links: PatientLinksService) {}

  @Get('calendar/:token')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'An iCalendar feed of the patient’s appointments, with neutral titles.',
    schema: { type: 'string' },
  })
  @ApiNotFoundResponse({ description: 'link_not_found: revoked, replaced or never made.' })
  async calendar(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const feed = await this.links.calendar(token);
    void reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300');

    return feed;
  }

  @Get('chaperone/:token')
  @ApiOkResponse({ type: ChaperoneDto })
  @ApiNotFoundResponse({ description: 'link_not_found: revoked, replaced or never made.' })
  async chaperone(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChaperoneDto> {
    void reply.header('cache-control', 'no-store');

    return this.links.chaperone(token);
  }
}
