import { ApiProperty } from '@nestjs/swagger';
import {
  type NeedsAttention,
  type NeedsAttentionItem,
  NEEDS_ATTENTION_KINDS,
  type NeedsAttentionKind,
} from '@ivks/contracts';

export class NeedsAttentionItemDto implements NeedsAttentionItem {
  @ApiProperty({ enum: NEEDS_ATTENTION_KINDS }) kind!: NeedsAttentionKind;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientName!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: '/patients/…/show', description: 'A path inside the dashboard.' })
  link!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true }) subjectId!: string | null;
}

export class NeedsAttentionDto implements NeedsAttention {
  @ApiProperty({ type: [NeedsAttentionItemDto] }) items!: NeedsAttentionItemDto[];
}

/** The list takes no filters; an unknown one is refused rather than silently ignored. */
export class NeedsAttentionQueryDto {}
