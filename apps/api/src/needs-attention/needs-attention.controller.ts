import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { NeedsAttentionDto, NeedsAttentionQueryDto } from './dto/needs-attention.dto';
import { NeedsAttentionService } from './needs-attention.service';

@ApiTags('needs attention')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'needs-attention', version: '1' })
export class NeedsAttentionController {
  constructor(private readonly needsAttention: NeedsAttentionService) {}

  @Get()
  @ApiOkResponse({
    type: NeedsAttentionDto,
    description:
      'Crisis flags, readiness not confirmed by 18:00 the evening before, unreviewed shared ' +
      'entries, patients quiet since their last infusion and reminder emails that failed.',
  })
  // The query is validated for what it must not hold; the list itself takes no filters.
  list(@Query() _query: NeedsAttentionQueryDto): Promise<NeedsAttentionDto> {
    return this.needsAttention.list();
  }
}
