import type { ContentItem, ContentItemOfKind, ContentKind, ContentPhase } from './content.types';
import { ARTICLES } from './items/articles';
import { CHAPERONE_TIPS } from './items/chaperone-tips';
import { CHECKLISTS } from './items/checklists';
import { EXERCISES } from './items/exercises';
import { GUIDES } from './items/guides';
import { JOURNAL_TEMPLATES } from './items/journal-templates';
import { PLAYLISTS } from './items/playlists';

/**
 * The version of the built-in text. Raise it whenever any item's wording changes, so a clinic's
 * adapted copy can show which version it started from.
 */
export const CONTENT_LIBRARY_VERSION = '2026.12.1';

/** Every item the portal ships with, before any clinic adds or adapts its own. */
export const BUILT_IN_CONTENT: readonly ContentItem[] = [
  ...GUIDES,
  ...JOURNAL_TEMPLATES,
  ...PLAYLISTS,
  ...CHAPERONE_TIPS,
  ...CHECKLISTS,
  ...EXERCISES,
  ...ARTICLES,
];

const bySlug = new Map(BUILT_IN_CONTENT.map((item) => [item.slug, item]));

/** The built-in item with this slug, or undefined when there is none. */
export function contentBySlug(slug: string): ContentItem | undefined {
  return bySlug.get(slug);
}

/** The built-in items of one kind, in library order, typed with that kind's body. */
export function contentOfKind<K extends ContentKind>(kind: K): ContentItemOfKind<K>[] {
  return BUILT_IN_CONTENT.filter((item): item is ContentItemOfKind<K> => item.kind === kind);
}

/** The built-in items of exactly this phase; `any_time` items are only returned for `any_time`. */
export function contentForPhase(phase: ContentPhase): ContentItem[] {
  return BUILT_IN_CONTENT.filter((item) => item.phase === phase);
}
