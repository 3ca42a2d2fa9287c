import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { uuidPipe } from '../common/uuid.pipe';
import {
  JournalReplyDto,
  JournalReplyRequestDto,
  JournalReviewedDto,
  SharedJournalEntryDto,
  SharedJournalEntrySummaryDto,
} from './dto/journal.dto';
import { SharedJournalService } from './shared-journal.service';

const NOT_SHARED = 'journal_entry_not_found: no such entry, or it is not shared with you';

@ApiTags('journal')
@ApiBearerAuth()
@Roles('owner', 'admin', 'clinician')
@Controller({ version: '1' })
export class SharedJournalController {
  constructor(private readonly journal: SharedJournalService) {}

  @Get('journal/shared')
  @ApiOkResponse({
    type: [SharedJournalEntrySummaryDto],
    description: 'Entries shared with you by your care-team patients, newest first, without text.',
  })
  feed(): Promise<SharedJournalEntrySummaryDto[]> {
    return this.journal.feed();
  }

  @Get('patients/:id/journal')
  @ApiOkResponse({
    type: [SharedJournalEntrySummaryDto],
    description: 'The patient’s entries shared with you, newest first, without text.',
  })
  @ApiNotFoundResponse({ description: 'patient_not_found' })
  ofPatient(
    @Param('id', uuidPipe('patient id')) id: string,
  ): Promise<SharedJournalEntrySummaryDto[]> {
    return this.journal.ofPatient(id);
  }

  @Get('journal/:id')
  @ApiOkResponse({
    type: SharedJournalEntryDto,
    description: 'Shown to the patient as a read, and recorded in the audit trail.',
  })
  @ApiNotFoundResponse({ description: NOT_SHARED })
  read(@Param('id', uuidPipe('journal entry id')) id: string): Promise<SharedJournalEntryDto> {
    return this.journal.read(id);
  }

  @Post('journal/:id/replies')
  @ApiCreatedResponse({ type: JournalReplyDto })
  @ApiNotFoundResponse({ description: NOT_SHARED })
  reply(
    @Param('id', uuidPipe('journal entry id')) id: string,
    @Body() body: JournalReplyRequestDto,
  ): Promise<JournalReplyDto> {
    return this.journal.reply(id, body.text);
  }

  @Put('journal/:id/reviewed')
  @ApiOkResponse({ type: SharedJournalEntrySummaryDto })
  @ApiNotFoundResponse({ description: NOT_SHARED })
  setReviewed(
    @Param('id', uuidPipe('journal entry id')) id: string,
    @Body() body: JournalReviewedDto,
  ): Promise<SharedJournalEntrySummaryDto> {
    return this.journal.setReviewed(id, body.reviewed);
  }
}
