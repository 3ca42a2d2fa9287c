import { showsAsWritten } from '@ivks/contracts';
import { z } from 'zod';
import {
  CLINIC_INSTRUCTION_TOPICS,
  CONTENT_PHASES,
  CONTENT_SLUG_PATTERN,
  type ContentItem,
  JOURNAL_TIMINGS,
  PLAYLIST_MOMENTS,
} from './content.types';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine(showsAsWritten, 'must not hold control, invisible or text-direction characters');
const slug = z
  .string()
  .regex(CONTENT_SLUG_PATTERN, 'must be lower-case words joined by hyphens, like my-own-guide')
  .max(80);
const paragraphs = z.array(text(2000)).min(1).max(30);
const sections = z
  .array(z.object({ heading: text(120), paragraphs }).strict())
  .min(1)
  .max(20);

const base = {
  slug,
  phase: z.enum(CONTENT_PHASES),
  title: text(120),
  summary: text(300),
  estimatedMinutes: z.number().int().min(1).max(240),
};

/**
 * The shape of one content item, for what clinics write themselves. The built-in library is
 * held to the same shape by its spec.
 */
export const contentItemSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('guide'), sections }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('article'),
      sections,
      sources: z
        .array(
          z
            .object({
              title: text(300),
              authors: text(300).optional(),
              publisher: text(200),
              year: z.number().int().min(1900).max(2100),
              url: z.url().optional(),
            })
            .strict(),
        )
        .min(1)
        .max(20),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('journal_template'),
      timing: z.enum(JOURNAL_TIMINGS),
      prompts: z.array(text(500)).min(1).max(20),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('playlist'),
      moment: z.enum(PLAYLIST_MOMENTS),
      tracks: z
        .array(
          z
            .object({
              title: text(200),
              artist: text(200),
              durationSeconds: z
                .number()
                .int()
                .min(1)
                .max(6 * 60 * 60),
              listenUrl: z.url({ protocol: /^https$/ }),
            })
            .strict(),
        )
        .min(1)
        .max(100),
    })
    .strict(),
  z
    .object({ ...base, kind: z.literal('chaperone_tip'), tips: z.array(text(500)).min(1).max(30) })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('checklist'),
      items: z
        .array(
          z
            .object({
              id: slug,
              label: text(300),
              clinicInstruction: z.enum(CLINIC_INSTRUCTION_TOPICS).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(50)
        .refine(
          (items) => new Set(items.map((item) => item.id)).size === items.length,
          'each checklist entry needs its own id',
        ),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('exercise'),
      steps: z.array(text(500)).min(1).max(30),
      pacer: z
        .object({
          inhaleSeconds: z.number().int().min(1).max(20),
          holdSeconds: z.number().int().min(0).max(20),
          exhaleSeconds: z.number().int().min(1).max(20),
          holdAfterSeconds: z.number().int().min(0).max(20),
          cycles: z.number().int().min(1).max(50),
        })
        .strict()
        .optional(),
    })
    .strict(),
]);

export type ContentItemProblems = Record<string, string[]>;

/** Checks an item a clinic wrote; on failure, each problem is named by its path in the item. */
export function parseContentItem(
  value: unknown,
): { item: ContentItem; problems: null } | { item: null; problems: ContentItemProblems } {
  const result = contentItemSchema.safeParse(value);
  if (result.success) {
    return { item: result.data, problems: null };
  }
  const problems: ContentItemProblems = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || 'item';
    (problems[path] ??= []).push(`${path} ${issue.message}`);
  }

  return { item: null, problems };
}
