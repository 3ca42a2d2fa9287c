import type { ArgumentMetadata } from '@nestjs/common';
import type { AppException } from '../../common/app.exception';
import { createValidationPipe } from '../../common/validation';
import {
  JournalExportQueryDto,
  JournalReplyRequestDto,
  JournalReviewedDto,
  JournalShareAllDto,
  SaveJournalEntryDto,
} from './journal.dto';

async function fieldsOf(metatype: ArgumentMetadata['metatype'], value: unknown) {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype });
  } catch (error) {
    return (error as AppException).fields ?? {};
  }

  return {};
}

const entry = { text: 'A calm evening.', status: 'saved' };

describe('journal bodies', () => {
  it('accepts a whole entry and a minimal one', async () => {
    const whole = {
      ...entry,
      mood: 7,
      tags: ['calm', 'family'],
      promptSlug: 'the-evening-after',
      infusionId: '0c5e8a52-4a57-4c1e-9d6e-7d1b2f0a0001',
    };

    expect(await fieldsOf(SaveJournalEntryDto, whole)).toEqual({});
    expect(await fieldsOf(SaveJournalEntryDto, entry)).toEqual({});
    expect(await fieldsOf(SaveJournalEntryDto, { ...entry, mood: null })).toEqual({});
  });

  it.each([
    ['text', { text: 'a'.repeat(20_001) }],
    ['text', { text: 42 }],
    ['mood', { mood: 0 }],
    ['mood', { mood: 7.5 }],
    ['tags', { tags: ['ok', ''] }],
    ['tags', { tags: 'calm' }],
    ['promptSlug', { promptSlug: 'Not A Slug' }],
    ['infusionId', { infusionId: 'x' }],
    ['status', { status: 'published' }],
  ])('names %s when it is wrong', async (field, change) => {
    expect(Object.keys(await fieldsOf(SaveJournalEntryDto, { ...entry, ...change }))).toEqual([
      field,
    ]);
  });

  it('accepts text of exactly 20000 characters', async () => {
    expect(await fieldsOf(SaveJournalEntryDto, { ...entry, text: 'a'.repeat(20_000) })).toEqual({});
  });

  it('checks replies, reviews and share-all', async () => {
    expect(Object.keys(await fieldsOf(JournalReplyRequestDto, { text: ' ' }))).toEqual(['text']);
    expect(Object.keys(await fieldsOf(JournalReviewedDto, { reviewed: 'yes' }))).toEqual([
      'reviewed',
    ]);
    expect(Object.keys(await fieldsOf(JournalShareAllDto, {}))).toEqual(['enabled']);
    expect(Object.keys(await fieldsOf(JournalShareAllDto, { enabled: true, all: 1 }))).toEqual([
      'all',
    ]);
  });

  it('takes json or html as the export format, and names format otherwise', async () => {
    expect(await fieldsOf(JournalExportQueryDto, { format: 'html' })).toEqual({});
    expect(await fieldsOf(JournalExportQueryDto, { format: 'json' })).toEqual({});
    expect(await fieldsOf(JournalExportQueryDto, { format: 'pdf' })).toEqual({
      format: ['format must be one of: json, html'],
    });
    expect(Object.keys(await fieldsOf(JournalExportQueryDto, {}))).toEqual(['format']);
  });
});
