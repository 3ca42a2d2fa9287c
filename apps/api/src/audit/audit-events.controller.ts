import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { AuditEventsService } from './audit-events.service';
import { AuditEventPageDto, ListAuditEventsQueryDto } from './dto/audit-event.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('owner', 'admin')
@Controller({ path: 'audit-events', version: '1' })
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get()
  @ApiOkResponse({
    type: AuditEventPageDto,
    description: 'Newest first. The total is also in X-Total-Count.',
  })
  @ApiBadRequestResponse({ description: 'validation_failed, naming each query parameter.' })
  @ApiForbiddenResponse({ description: 'forbidden: only owners and admins read the trail.' })
  async list(
    @Query() query: ListAuditEventsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditEventPageDto> {
    const page = await this.events.list(query);
    void reply.header('x-total-count', String(page.total));

    return page;
  }
}
