import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ReadinessBoardDto, ReadinessBoardQueryDto } from './dto/readiness.dto';
import { ReadinessService } from './readiness.service';

@ApiTags('readiness')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'readiness', version: '1' })
export class ReadinessBoardController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @ApiOkResponse({
    type: ReadinessBoardDto,
    description:
      'The infusions of one day in the clinic’s time zone, cancelled ones left out, in time order.',
  })
  board(@Query() query: ReadinessBoardQueryDto): Promise<ReadinessBoardDto> {
    return this.readiness.board(query.date);
  }
}
