import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { slugPipe } from '../common/slug.pipe';
import { ContentService } from './content.service';
import {
  CONTENT_ITEM_SCHEMA,
  ContentEntryDto,
  ContentEntryWithInstructionsDto,
  InstructionsDto,
  ListContentQueryDto,
  UpdateInstructionsDto,
} from './dto/content.dto';

/** The clinic's library: the built-in items as the clinic adapted them, and its own. */
@ApiTags('content')
@ApiBearerAuth()
@Controller({ path: 'content', version: '1' })
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get()
  @ApiOkResponse({ type: [ContentEntryDto] })
  list(@Query() query: ListContentQueryDto): Promise<ContentEntryDto[]> {
    return this.content.list(query);
  }

  @Get(':slug')
  @ApiOkResponse({ type: ContentEntryWithInstructionsDto })
  @ApiNotFoundResponse({ description: 'content_not_found' })
  get(@Param('slug', slugPipe('item')) slug: string): Promise<ContentEntryWithInstructionsDto> {
    return this.content.get(slug);
  }

  @Post()
  @Roles('owner', 'admin', 'clinician')
  @ApiBody({ schema: CONTENT_ITEM_SCHEMA })
  @ApiCreatedResponse({ type: ContentEntryWithInstructionsDto })
  @ApiBadRequestResponse({ description: 'validation_failed: names each field of the item.' })
  @ApiConflictResponse({ description: 'content_slug_taken' })
  create(@Body() body: unknown): Promise<ContentEntryWithInstructionsDto> {
    return this.content.create(body);
  }

  @Put(':slug')
  @Roles('owner', 'admin', 'clinician')
  @ApiBody({ schema: CONTENT_ITEM_SCHEMA })
  @ApiOkResponse({
    type: ContentEntryWithInstructionsDto,
    description: 'Adapts a built-in item for this clinic only, or replaces the clinic’s own.',
  })
  @ApiNotFoundResponse({ description: 'content_not_found' })
  replace(
    @Param('slug', slugPipe('item')) slug: string,
    @Body() body: unknown,
  ): Promise<ContentEntryWithInstructionsDto> {
    return this.content.replace(slug, body);
  }

  @Delete(':slug')
  @Roles('owner', 'admin', 'clinician')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'An adapted item returns to the built-in text.' })
  @ApiNotFoundResponse({ description: 'content_not_found: the clinic has no copy of it.' })
  remove(@Param('slug', slugPipe('item')) slug: string): Promise<void> {
    return this.content.remove(slug);
  }
}

/** The clinic's own words on fasting, medicines, arrival, what to bring and driving. */
@ApiTags('content')
@ApiBearerAuth()
@Controller({ path: 'clinic/instructions', version: '1' })
export class ClinicInstructionsController {
  constructor(private readonly content: ContentService) {}

  @Get()
  @ApiOkResponse({ type: InstructionsDto })
  get(): Promise<InstructionsDto> {
    return this.content.instructions();
  }

  @Put()
  @Roles('owner', 'admin', 'clinician')
  @ApiOkResponse({ type: InstructionsDto })
  @ApiBadRequestResponse({ description: 'validation_failed: names the topic.' })
  update(@Body() body: UpdateInstructionsDto): Promise<InstructionsDto> {
    return this.content.updateInstructions(body);
  }
}
