import { BUILT_IN_CONTENT, CONTENT_LIBRARY_VERSION, contentBySlug } from './built-in-content';
import type {
  ClinicInstructionTopic,
  ContentItem,
  ContentKind,
  ContentPhase,
} from './content.types';

/** Where the item a clinic's patients see comes from. */
export type ContentOrigin = 'built_in' | 'adapted' | 'clinic';

/** An item the clinic wrote or adapted, as it keeps it. */
export interface ClinicContent {
  item: ContentItem;
  /** The library version an adapted built-in item started from; null for the clinic's own. */
  adaptedFromVersion: string | null;
}

/** One item of a clinic's library, as its staff and patients see it. */
export interface LibraryEntry {
  item: ContentItem;
  origin: ContentOrigin;
  adaptedFromVersion: string | null;
  /** An adapted item whose built-in original has changed since: staff may want to look again. */
  builtInChangedSince: boolean;
}

export type ClinicInstructions = Record<ClinicInstructionTopic, string | null>;

/**
 * A clinic's library: the built-in items, each replaced by the clinic's adapted copy where it
 * has one, then the clinic's own items. A later library version never overwrites an adaptation.
 */
export function clinicLibrary(clinicContent: readonly ClinicContent[]): LibraryEntry[] {
  const adapted = new Map(clinicContent.map((content) => [content.item.slug, content]));
  const entries: LibraryEntry[] = BUILT_IN_CONTENT.map((item) => {
    const copy = adapted.get(item.slug);

    return copy ? adaptedEntry(copy) : builtInEntry(item);
  });
  const own = clinicContent
    .filter((content) => !contentBySlug(content.item.slug))
    .map<LibraryEntry>((content) => ({
      item: content.item,
      origin: 'clinic',
      adaptedFromVersion: null,
      builtInChangedSince: false,
    }));

  return [...entries, ...own];
}

export function filterLibrary(
  entries: readonly LibraryEntry[],
  filter: { kind?: ContentKind; phase?: ContentPhase },
): LibraryEntry[] {
  return entries.filter(
    (entry) =>
      (!filter.kind || entry.item.kind === filter.kind) &&
      (!filter.phase || entry.item.phase === filter.phase),
  );
}

function builtInEntry(item: ContentItem): LibraryEntry {
  return { item, origin: 'built_in', adaptedFromVersion: null, builtInChangedSince: false };
}

function adaptedEntry(copy: ClinicContent): LibraryEntry {
  return {
    item: copy.item,
    origin: 'adapted',
    adaptedFromVersion: copy.adaptedFromVersion,
    builtInChangedSince: copy.adaptedFromVersion !== CONTENT_LIBRARY_VERSION,
  };
}
