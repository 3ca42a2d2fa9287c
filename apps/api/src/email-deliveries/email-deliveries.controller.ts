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
import { EmailDeliveryPageDto, ListEmailDeliveriesQueryDto } from './dto/email-delivery.dto';
import { EmailDeliveriesService } from './email-deliveries.service';

@ApiTags('email')
@ApiBearerAuth()
@Roles('owner', 'admin')
@Controller({ path: 'email-deliveries', version: '1' })
export class EmailDeliveriesController {
  constructor(private readonly deliveries: EmailDeliveriesService) {}

  @Get()
  @ApiOkResponse({
    type: EmailDeliveryPageDto,
    description: 'The emails the clinic sent, newest first. The total is also in X-Total-Count.',
  })
  @ApiBadRequestResponse({ description: 'validation_failed, naming each query parameter.' })
  @ApiForbiddenResponse({ description: 'forbidden: only owners and admins read deliveries.' })
  async list(
    @Query() query: ListEmailDeliveriesQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EmailDeliveryPageDto> {
    const page = await this.deliveries.list(query);
    void reply.header('x-total-count', String(page.total));

    return page;
  }
}
