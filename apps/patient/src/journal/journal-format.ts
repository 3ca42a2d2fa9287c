import type { JournalEntryView } from '@ivks/contracts';
import { contentBySlug } from '@ivks/content';
import { DateTime } from 'luxon';
import { ApiRequestError } from '../api/api-client';

/** An instant as the patient's device shows the time, such as "Dec 4, 2026, 9:30 AM". */
export function formatWhen(instant: string): string {
  return DateTime.fromISO(instant).setLocale('en-US').toLocaleString(DateTime.DATETIME_MED);
}

export function formatDay(instant: string): string {
  return DateTime.fromISO(instant).setLocale('en-US').toLocaleString(DateTime.DATE_MED);
}

export type EntryState = 'draft' | 'private' | 'shared';

export function entryState(entry: Pick<JournalEntryView, 'status' | 'sharing'>): EntryState {
  if (entry.status === 'draft') {
    return 'draft';
  }

  return entry.sharing.shared ? 'shared' : 'private';
}

export const STATE_LABELS: Record<EntryState, string> = {
  draft: 'Draft, only you can see it',
  private: 'Private, only you can see it',
  shared: 'Shared with your care team',
};

/** The title of a built-in journaling template, or null for a slug the app does not know. */
export function promptTitle(slug: string | null): string | null {
  if (slug === null) {
    return null;
  }
  const item = contentBySlug(slug);

  return item?.kind === 'journal_template' ? item.title : null;
}

/** The first words of an entry, for a list. */
export function excerpt(text: string, length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();

  return flat.length <= length ? flat : `${flat.slice(0, length).trimEnd()}…`;
}

export function failureMessage(error: unknown): string {
  return error instanceof ApiRequestError
    ? error.message
    : 'Something went wrong. Please try again.';
}

/** Hands a file to the browser to save, as a download link would. */
export function saveFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start the download only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
