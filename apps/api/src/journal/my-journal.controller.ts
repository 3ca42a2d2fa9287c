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
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { JOURNAL_SHARING_CONSENT, type JournalExport } from '@ivks/contracts';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import {
  JournalEntryDto,
  JournalExportQueryDto,
  JournalReadDto,
  JournalShareAllDto,
  JournalShareAllStateDto,
  JournalSharingConsentDto,
  SavedJournalEntryDto,
  SaveJournalEntryDto,
} from './dto/journal.dto';
import { journalExportHtml } from './journal-export-html';
import { JournalService } from './journal.service';

@ApiTags('journal')
@ApiBearerAuth()
@Roles('patient')
@Controller({ path: 'me/journal', version: '1' })
export class MyJournalController {
  constructor(private readonly journal: JournalService) {}

  @Get()
  @ApiOkResponse({ type: [JournalEntryDto], description: 'The patient’s entries, newest first.' })
  list(): Promise<JournalEntryDto[]> {
    return this.journal.list();
  }

  @Get('export')
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    description:
      'Every entry of the patient, private ones and drafts too, with replies and reads, as a ' +
      'download: format=json for the data, format=html for a document to read or print.',
  })
  @ApiBadRequestResponse({ description: 'validation_failed: format must be json or html' })
  async export(
    @Query() query: JournalExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JournalExport | string> {
    const journal = await this.journal.exportAll(query.format);
    const day = journal.exportedAt.slice(0, 10);
    void reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="journal-${day}.${query.format}"`);
    if (query.format === 'html') {
      void reply.header('content-type', 'text/html; charset=utf-8');

      return journalExportHtml(journal);
    }
    void reply.header('content-type', 'application/json; charset=utf-8');

    return journal;
  }

  @Get('consent')
  @ApiOkResponse({
    type: JournalSharingConsentDto,
    description: 'The wording to show before the patient shares, with its version.',
  })
  consent(): JournalSharingConsentDto {
    return JOURNAL_SHARING_CONSENT;
  }

  @Get('share-all')
  @ApiOkResponse({ type: JournalShareAllStateDto })
  shareAllState(): Promise<JournalShareAllStateDto> {
    return this.journal.shareAllState();
  }

  @Put('share-all')
  @ApiOkResponse({
    type: JournalShareAllStateDto,
    description: 'Covers entries made from now on only; earlier ones stay private.',
  })
  setShareAll(@Body() body: JournalShareAllDto): Promise<JournalShareAllStateDto> {
    return this.journal.setShareAll(body.enabled);
  }

  @Put(':clientId')
  @ApiOkResponse({
    type: SavedJournalEntryDto,
    description:
      'Creates or replaces the entry the device named clientId; sending it again changes ' +
      'nothing. crisis.signals is not empty when the words suggest crisis.',
  })
  @ApiBadRequestResponse({ description: 'validation_failed' })
  @ApiNotFoundResponse({ description: 'journal_entry_not_found: the entry was deleted' })
  save(
    @Param('clientId', uuidPipe('draft id')) clientId: string,
    @Body() body: SaveJournalEntryDto,
  ): Promise<SavedJournalEntryDto> {
    return this.journal.save(clientId, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: JournalEntryDto })
  @ApiNotFoundResponse({ description: 'journal_entry_not_found' })
  get(@Param('id', uuidPipe('journal entry id')) id: string): Promise<JournalEntryDto> {
    return this.journal.get(id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The entry is gone from every view at once.' })
  @ApiNotFoundResponse({ description: 'journal_entry_not_found' })
  remove(@Param('id', uuidPipe('journal entry id')) id: string): Promise<void> {
    return this.journal.remove(id);
  }

  @Post(':id/share')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: JournalEntryDto, description: 'The care team can read it from now on.' })
  @ApiNotFoundResponse({ description: 'journal_entry_not_found' })
  @ApiConflictResponse({ description: 'journal_entry_not_saved: drafts cannot be shared' })
  share(@Param('id', uuidPipe('journal entry id')) id: string): Promise<JournalEntryDto> {
    return this.journal.share(id);
  }

  @Delete(':id/share')
  @ApiOkResponse({
    type: JournalEntryDto,
    description: 'The care team stops seeing it with their next request.',
  })
  @ApiNotFoundResponse({ description: 'journal_entry_not_found' })
  @ApiConflictResponse({
    description: 'journal_entry_shared_with_all: sharing all entries covers it while that is on',
  })
  unshare(@Param('id', uuidPipe('journal entry id')) id: string): Promise<JournalEntryDto> {
    return this.journal.unshare(id);
  }

  @Get(':id/reads')
  @ApiOkResponse({
    type: [JournalReadDto],
    description: 'Who read the entry and when, newest first.',
  })
  @ApiNotFoundResponse({ description: 'journal_entry_not_found' })
  reads(@Param('id', uuidPipe('journal entry id')) id: string): Promise<JournalReadDto[]> {
    return this.journal.reads(id);
  }
}
