export const CONTENT_KINDS = [
  'guide',
  'journal_template',
  'playlist',
  'chaperone_tip',
  'checklist',
  'exercise',
  'article',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Where in a course an item is most useful; `any_time` items are not tied to an infusion. */
export const CONTENT_PHASES = ['preparation', 'infusion_day', 'integration', 'any_time'] as const;
export type ContentPhase = (typeof CONTENT_PHASES)[number];

/** When after an infusion a journaling template is meant to be used. */
export const JOURNAL_TIMINGS = ['same_evening', 'next_day', 'following_week', 'any_time'] as const;
export type JournalTiming = (typeof JOURNAL_TIMINGS)[number];

/** When on infusion day, or around it, a playlist is meant to be played. */
export const PLAYLIST_MOMENTS = ['before', 'during', 'after'] as const;
export type PlaylistMoment = (typeof PLAYLIST_MOMENTS)[number];

/**
 * The physical side of treatment, which the portal never writes about itself: a checklist item
 * tagged with one of these shows the patient's own clinic's instructions on that topic.
 */
export const CLINIC_INSTRUCTION_TOPICS = [
  'fasting',
  'medicines',
  'arrival',
  'what_to_bring',
  'driving',
] as const;
export type ClinicInstructionTopic = (typeof CLINIC_INSTRUCTION_TOPICS)[number];

/** Slugs and checklist item ids are kebab-case, so they can sit in URLs and stay stable. */
export const CONTENT_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface ContentItemBase {
  /** Stable for as long as the item exists: clinics' adaptations and assignments refer to it. */
  slug: string;
  kind: ContentKind;
  phase: ContentPhase;
  title: string;
  /** One sentence, shown in lists. */
  summary: string;
  /** A whole number of minutes, at least 1. */
  estimatedMinutes: number;
}

export interface ContentSection {
  heading: string;
  paragraphs: readonly string[];
}

/** A published source an article draws on, named so a reader can find it themselves. */
export interface ContentSource {
  title: string;
  /** Who wrote a research paper, as a reader would look it up. */
  authors?: string;
  publisher: string;
  year: number;
  url?: string;
}

export interface GuideItem extends ContentItemBase {
  kind: 'guide';
  sections: readonly ContentSection[];
}

export interface ArticleItem extends ContentItemBase {
  kind: 'article';
  sections: readonly ContentSection[];
  sources: readonly ContentSource[];
}

export interface JournalTemplateItem extends ContentItemBase {
  kind: 'journal_template';
  timing: JournalTiming;
  prompts: readonly string[];
}

export interface PlaylistTrack {
  title: string;
  artist: string;
  durationSeconds: number;
  /** A search on a music service rather than a direct link, so the portal never points at a guessed page. */
  listenUrl: string;
}

export interface PlaylistItem extends ContentItemBase {
  kind: 'playlist';
  moment: PlaylistMoment;
  tracks: readonly PlaylistTrack[];
}

export interface ChaperoneTipItem extends ContentItemBase {
  kind: 'chaperone_tip';
  tips: readonly string[];
}

export interface ChecklistEntry {
  /** Kebab-case and unique within its checklist, so a patient's ticks survive edits to the wording. */
  id: string;
  label: string;
  /** Set when the entry is answered by the clinic's own instructions, shown beside the label. */
  clinicInstruction?: ClinicInstructionTopic;
}

export interface ChecklistItem extends ContentItemBase {
  kind: 'checklist';
  items: readonly ChecklistEntry[];
}

/** The timing of a breathing exercise, which the patient app animates; every value is in seconds. */
export interface BreathingPacer {
  inhaleSeconds: number;
  holdSeconds: number;
  exhaleSeconds: number;
  holdAfterSeconds: number;
  cycles: number;
}

export interface ExerciseItem extends ContentItemBase {
  kind: 'exercise';
  steps: readonly string[];
  pacer?: BreathingPacer;
}

export type ContentItem =
  | GuideItem
  | JournalTemplateItem
  | PlaylistItem
  | ChaperoneTipItem
  | ChecklistItem
  | ExerciseItem
  | ArticleItem;

export type ContentItemOfKind<K extends ContentKind> = Extract<ContentItem, { kind: K }>;
