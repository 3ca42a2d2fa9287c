import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  JOURNAL_ENTRY_STATUSES,
  JOURNAL_SHARING_CONSENT,
  JOURNAL_EXPORT_FORMATS,
  JOURNAL_REPLY_MAX_LENGTH,
  JOURNAL_TAG_MAX_LENGTH,
  JOURNAL_TAGS_MAX,
  JOURNAL_TEXT_MAX_LENGTH,
  type JournalCrisisSignal,
  type JournalCrisisTheme,
  type JournalEntrySharing,
  type JournalEntryStatus,
  type JournalEntryView,
  type JournalExportFormat,
  type JournalRead,
  type JournalReply,
  type JournalReplyRequest,
  type JournalReviewedRequest,
  type JournalShareAllRequest,
  type JournalShareAllState,
  type JournalSharingConsent,
  type SavedJournalEntry,
  type SaveJournalEntryRequest,
  type SharedJournalEntry,
  type SharedJournalEntrySummary,
  showsAsWritten,
} from '@ivks/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { trimmed } from '../../common/text-transforms';

const CRISIS_THEMES: JournalCrisisTheme[] = ['suicide', 'self_harm', 'hopelessness'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NOT_BLANK = /\S/;

export class SaveJournalEntryDto implements SaveJournalEntryRequest {
  @ApiProperty({ minLength: 1, maxLength: JOURNAL_TEXT_MAX_LENGTH })
  @IsString({ message: 'text must be text' })
  @Matches(NOT_BLANK, { message: 'text must not be empty' })
  @MaxLength(JOURNAL_TEXT_MAX_LENGTH, {
    message: `text must be at most ${JOURNAL_TEXT_MAX_LENGTH} characters`,
  })
  text!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10 })
  @IsOptional()
  @IsInt({ message: 'mood must be a whole number from 1 to 10' })
  @Min(1, { message: 'mood must be a whole number from 1 to 10' })
  @Max(10, { message: 'mood must be a whole number from 1 to 10' })
  mood?: number | null;

  @ApiPropertyOptional({ type: [String], maxItems: JOURNAL_TAGS_MAX })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((tag: unknown) => trimmed({ value: tag })) : value,
  )
  @IsArray({ message: 'tags must be a list of words' })
  @ArrayMaxSize(JOURNAL_TAGS_MAX, { message: `tags must have at most ${JOURNAL_TAGS_MAX} entries` })
  @ArrayUnique({ message: 'tags must not name the same tag twice' })
  @IsString({ each: true, message: 'each tag must be text' })
  @Length(1, JOURNAL_TAG_MAX_LENGTH, {
    each: true,
    message: `each tag must be 1 to ${JOURNAL_TAG_MAX_LENGTH} characters`,
  })
  @ValidateBy(
    {
      name: 'showsAsWritten',
      validator: { validate: (tag: unknown) => typeof tag === 'string' && showsAsWritten(tag) },
    },
    {
      each: true,
      message: 'each tag must be one line, without control, invisible or text-direction characters',
    },
  )
  tags?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'the-evening-after' })
  @IsOptional()
  @IsString({ message: 'promptSlug must be the slug of a prompt' })
  @MaxLength(80, { message: 'promptSlug must be at most 80 characters' })
  @Matches(SLUG, { message: 'promptSlug must be a slug, like the-evening-after' })
  promptSlug?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'infusionId must be an infusion id' })
  infusionId?: string | null;

  @ApiProperty({ enum: JOURNAL_ENTRY_STATUSES })
  @IsIn(JOURNAL_ENTRY_STATUSES, {
    message: `status must be one of: ${JOURNAL_ENTRY_STATUSES.join(', ')}`,
  })
  status!: JournalEntryStatus;
}

export class JournalShareAllDto implements JournalShareAllRequest {
  @ApiProperty({ description: 'true shares every entry saved from now on; false stops it.' })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;
}

export class JournalReplyRequestDto implements JournalReplyRequest {
  @ApiProperty({ minLength: 1, maxLength: JOURNAL_REPLY_MAX_LENGTH })
  @IsString({ message: 'text must be text' })
  @Matches(NOT_BLANK, { message: 'text must not be empty' })
  @MaxLength(JOURNAL_REPLY_MAX_LENGTH, {
    message: `text must be at most ${JOURNAL_REPLY_MAX_LENGTH} characters`,
  })
  text!: string;
}

export class JournalReviewedDto implements JournalReviewedRequest {
  @ApiProperty({ description: 'true takes the entry off the needs-attention list.' })
  @IsBoolean({ message: 'reviewed must be true or false' })
  reviewed!: boolean;
}

export class JournalEntrySharingDto implements JournalEntrySharing {
  @ApiProperty() shared!: boolean;
  @ApiProperty({ type: String, enum: ['entry', 'all'], nullable: true }) via!:
    'entry' | 'all' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: string | null;
}

export class JournalReplyDto implements JournalReply {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class JournalEntryDto implements JournalEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: Number, nullable: true }) mood!: number | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: String, nullable: true }) promptSlug!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) infusionId!: string | null;
  @ApiProperty({ enum: JOURNAL_ENTRY_STATUSES }) status!: JournalEntryStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: JournalEntrySharingDto }) sharing!: JournalEntrySharingDto;
  @ApiProperty({ type: [JournalReplyDto] }) replies!: JournalReplyDto[];
  @ApiProperty({ type: () => [JournalReadDto], description: 'Newest first.' })
  reads!: JournalReadDto[];
}

export class JournalCrisisSignalDto implements JournalCrisisSignal {
  @ApiProperty({ enum: CRISIS_THEMES }) theme!: JournalCrisisTheme;
  @ApiProperty() phrase!: string;
}

class JournalCrisisDto {
  @ApiProperty({
    type: [JournalCrisisSignalDto],
    description: 'Not empty when the words suggest crisis: show crisis resources at once.',
  })
  signals!: JournalCrisisSignalDto[];
}

export class SavedJournalEntryDto extends JournalEntryDto implements SavedJournalEntry {
  @ApiProperty({ type: JournalCrisisDto }) crisis!: JournalCrisisDto;
}

export class JournalShareAllStateDto implements JournalShareAllState {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: string | null;
  @ApiProperty({ type: String, nullable: true }) consentVersion!: string | null;
}

export class JournalReadDto implements JournalRead {
  @ApiProperty() readerName!: string;
  @ApiProperty({ format: 'date-time' }) readAt!: string;
}

export class SharedJournalEntrySummaryDto implements SharedJournalEntrySummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty({ type: String, nullable: true }) patientPhone!: string | null;
  @ApiProperty({ type: Number, nullable: true }) mood!: number | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: String, nullable: true }) promptSlug!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ enum: CRISIS_THEMES, isArray: true }) crisisThemes!: JournalCrisisTheme[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
}

export class SharedJournalEntryDto
  extends SharedJournalEntrySummaryDto
  implements SharedJournalEntry
{
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) infusionId!: string | null;
  @ApiProperty({ type: [JournalReplyDto] }) replies!: JournalReplyDto[];
}

export class JournalExportQueryDto {
  @ApiProperty({ enum: JOURNAL_EXPORT_FORMATS })
  @IsIn(JOURNAL_EXPORT_FORMATS, {
    message: `format must be one of: ${JOURNAL_EXPORT_FORMATS.join(', ')}`,
  })
  format!: JournalExportFormat;
}

export class JournalSharingConsentDto implements JournalSharingConsent {
  @ApiProperty({ example: JOURNAL_SHARING_CONSENT.version }) version!: string;
  @ApiProperty({ description: 'Shown before sharing one entry.' }) entry!: string;
  @ApiProperty({ description: 'Shown before sharing every entry from now on.' })
  allEntries!: string;
}
