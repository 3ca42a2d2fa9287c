export const JOURNAL_ENTRY_STATUSES = ['draft', 'saved'] as const;
/** `draft`: kept while the patient writes; `saved`: finished. A saved entry stays saved. */
export type JournalEntryStatus = (typeof JOURNAL_ENTRY_STATUSES)[number];

export const JOURNAL_TEXT_MAX_LENGTH = 20_000;
export const JOURNAL_REPLY_MAX_LENGTH = 5_000;
export const JOURNAL_TAGS_MAX = 20;
export const JOURNAL_TAG_MAX_LENGTH = 40;

/**
 * What the patient agrees to when sharing. Each share records the version it was given under,
 * so a later change of wording never stretches an earlier consent.
 */
export const JOURNAL_SHARING_CONSENT = {
  version: '2026-12-01',
  entry:
    'Your care team can read this entry until you stop sharing it. You can see who read it and when.',
  allEntries:
    'Your care team can read every entry you save from now on, until you turn this off. ' +
    'Entries you wrote before stay private. You can see who read each one and when.',
} as const;

/** The consent wording the app shows before the patient agrees, with its version. */
export interface JournalSharingConsent {
  version: string;
  /** Shown before sharing one entry. */
  entry: string;
  /** Shown before sharing every entry from now on. */
  allEntries: string;
}

/** Body of `PUT /me/journal/:clientId`, sent by every autosave and by the final save. */
export interface SaveJournalEntryRequest {
  text: string;
  mood?: number | null;
  tags?: string[];
  promptSlug?: string | null;
  infusionId?: string | null;
  status: JournalEntryStatus;
}

/** How an entry is shared: by itself, through "all entries from now on", or not at all. */
export interface JournalEntrySharing {
  shared: boolean;
  /** `entry` when shared by itself; `all` when covered by sharing all entries. */
  via: 'entry' | 'all' | null;
  since: string | null;
}

export interface JournalReply {
  id: string;
  authorName: string;
  text: string;
  createdAt: string;
}

/** An entry as its author sees it. */
export interface JournalEntryView {
  id: string;
  clientId: string;
  text: string;
  mood: number | null;
  tags: string[];
  promptSlug: string | null;
  infusionId: string | null;
  status: JournalEntryStatus;
  createdAt: string;
  updatedAt: string;
  sharing: JournalEntrySharing;
  replies: JournalReply[];
  /** Who on the care team read the entry and when, newest first. */
  reads: JournalRead[];
}

/** A theme of crisis wording, as libs/safety names it. */
export type JournalCrisisTheme = 'suicide' | 'self_harm' | 'hopelessness';

/** Words in an entry that suggest crisis: the app shows crisis resources when there are any. */
export interface JournalCrisisSignal {
  theme: JournalCrisisTheme;
  phrase: string;
}

/** What saving returns: the entry, and any crisis wording so the app shows help at once. */
export interface SavedJournalEntry extends JournalEntryView {
  crisis: { signals: JournalCrisisSignal[] };
}

export interface JournalShareAllRequest {
  enabled: boolean;
}

export interface JournalShareAllState {
  enabled: boolean;
  since: string | null;
  consentVersion: string | null;
}

/** One read of an entry by a member of the care team. */
export interface JournalRead {
  readerName: string;
  readAt: string;
}

/** A shared entry in a staff list: no text, which only the recorded read shows. */
export interface SharedJournalEntrySummary {
  id: string;
  patientId: string;
  patientName: string;
  /** How to reach the patient, shown beside a crisis flag; null when the clinic has none. */
  patientPhone: string | null;
  mood: number | null;
  tags: string[];
  promptSlug: string | null;
  createdAt: string;
  updatedAt: string;
  /** The crisis themes of the shared text, for the needs-attention list; empty when none. */
  crisisThemes: JournalCrisisTheme[];
  reviewedAt: string | null;
}

/** A shared entry as the care team reads it; reading it is recorded. */
export interface SharedJournalEntry extends SharedJournalEntrySummary {
  text: string;
  infusionId: string | null;
  replies: JournalReply[];
}

export interface JournalReplyRequest {
  text: string;
}

export interface JournalReviewedRequest {
  reviewed: boolean;
}

export const JOURNAL_EXPORT_FORMATS = ['json', 'html'] as const;
/** `json` for keeping or moving the words; `html` for reading and printing. */
export type JournalExportFormat = (typeof JOURNAL_EXPORT_FORMATS)[number];

/** What `GET /me/journal/export?format=json` returns: every entry of the patient, drafts too. */
export interface JournalExport {
  exportedAt: string;
  patient: { name: string; timeZone: string };
  clinic: { name: string };
  /** Newest first, with replies and reads, as the Journal page shows them. */
  entries: JournalEntryView[];
}
