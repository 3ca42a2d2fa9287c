import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import { PathwayDto, PathwayPageDto, SavePathwayDto } from './dto/pathway.dto';
import { DurationOffsetDto, LocalTimeOffsetDto } from './dto/timing.dto';
import { PathwaysService } from './pathways.service';

@ApiTags('pathways')
@ApiBearerAuth()
@ApiExtraModels(DurationOffsetDto, LocalTimeOffsetDto)
@Roles('owner', 'admin', 'clinician')
@Controller({ path: 'pathways', version: '1' })
export class PathwaysController {
  constructor(private readonly pathways: PathwaysService) {}

  @Get()
  @ApiOkResponse({ type: PathwayPageDto })
  list(): Promise<PathwayPageDto> {
    return this.pathways.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: PathwayDto })
  @ApiNotFoundResponse({ description: 'pathway_not_found' })
  get(@Param('id', uuidPipe('pathway id')) id: string): Promise<PathwayDto> {
    return this.pathways.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: PathwayDto })
  @ApiBadRequestResponse({ description: 'validation_failed: names each task field to correct.' })
  create(@Body() body: SavePathwayDto): Promise<PathwayDto> {
    return this.pathways.create(body);
  }

  @Put(':id')
  @ApiOkResponse({ type: PathwayDto, description: 'Tasks sent without an id are added.' })
  @ApiNotFoundResponse({ description: 'pathway_not_found' })
  @ApiBadRequestResponse({ description: 'validation_failed: names each task field to correct.' })
  replace(
    @Param('id', uuidPipe('pathway id')) id: string,
    @Body() body: SavePathwayDto,
  ): Promise<PathwayDto> {
    return this.pathways.replace(id, body);
  }
}
