import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTENT_KINDS,
  CONTENT_PHASES,
  type ClinicInstructions,
  type ContentItem,
  type ContentKind,
  type ContentOrigin,
  type ContentPhase,
  contentItemSchema,
} from '@ivks/content';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { z } from 'zod';

/** The JSON schema of a content item, from the same definition that checks one. */
export const CONTENT_ITEM_SCHEMA = z.toJSONSchema(contentItemSchema, {
  target: 'openapi-3.0',
}) as Record<string, unknown>;

export class ListContentQueryDto {
  @ApiPropertyOptional({ enum: CONTENT_KINDS })
  @IsOptional()
  @IsIn(CONTENT_KINDS, { message: `kind must be one of: ${CONTENT_KINDS.join(', ')}` })
  kind?: ContentKind;

  @ApiPropertyOptional({ enum: CONTENT_PHASES })
  @IsOptional()
  @IsIn(CONTENT_PHASES, { message: `phase must be one of: ${CONTENT_PHASES.join(', ')}` })
  phase?: ContentPhase;
}

export class ContentEntryDto {
  @ApiProperty(CONTENT_ITEM_SCHEMA) item!: ContentItem;
  @ApiProperty({ enum: ['built_in', 'adapted', 'clinic'] }) origin!: ContentOrigin;
  @ApiProperty({ type: String, nullable: true }) adaptedFromVersion!: string | null;
  @ApiProperty({ description: 'An adaptation whose built-in original has changed since.' })
  builtInChangedSince!: boolean;
}

export class ContentEntryWithInstructionsDto extends ContentEntryDto {
  @ApiProperty({
    description: 'The clinic’s own instructions for the topics a checklist points to.',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  instructions!: Partial<ClinicInstructions>;
}

/** One topic's text; optional, and null clears it (IsOptional lets null through). */
const instruction = (topic: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000 }),
    IsOptional(),
    IsString({ message: `${topic} must be text, or null to clear it` }),
    MinLength(1, { message: `${topic} must not be empty; send null to clear it` }),
    MaxLength(4000, { message: `${topic} must be at most 4000 characters` }),
  );

/** Each topic is optional: a topic left out stays as it was, and null clears it. */
export class UpdateInstructionsDto {
  @instruction('fasting') fasting?: string | null;
  @instruction('medicines') medicines?: string | null;
  @instruction('arrival') arrival?: string | null;
  @instruction('what_to_bring') what_to_bring?: string | null;
  @instruction('driving') driving?: string | null;
}

export class InstructionsDto {
  @ApiProperty({ type: String, nullable: true }) fasting!: string | null;
  @ApiProperty({ type: String, nullable: true }) medicines!: string | null;
  @ApiProperty({ type: String, nullable: true }) arrival!: string | null;
  @ApiProperty({ type: String, nullable: true }) what_to_bring!: string | null;
  @ApiProperty({ type: String, nullable: true }) driving!: string | null;
}
