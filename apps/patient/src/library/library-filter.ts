import {
  CONTENT_KINDS,
  CONTENT_PHASES,
  type ContentItem,
  type ContentKind,
  type ContentPhase,
} from '@ivks/content';

/** What the library is showing; null means every kind, or every phase. */
export interface LibraryFilter {
  kind: ContentKind | null;
  phase: ContentPhase | null;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return allowed.find((candidate) => candidate === value) ?? null;
}

/** Reads the filter from the page address. A value it does not know shows everything, not an error. */
export function readFilter(params: URLSearchParams): LibraryFilter {
  return {
    kind: oneOf(CONTENT_KINDS, params.get('kind')),
    phase: oneOf(CONTENT_PHASES, params.get('phase')),
  };
}

/** The address of the library with one part of the filter changed and the other kept. */
export function filterHref(current: LibraryFilter, change: Partial<LibraryFilter>): string {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  if (next.kind !== null) {
    params.set('kind', next.kind);
  }
  if (next.phase !== null) {
    params.set('phase', next.phase);
  }
  const query = params.toString();

  return query === '' ? '/library' : `/library?${query}`;
}

/** The items that match, in library order. Any-time items show under "Any time" only. */
export function filterItems(
  items: readonly ContentItem[],
  { kind, phase }: LibraryFilter,
): ContentItem[] {
  return items.filter(
    (item) => (kind === null || item.kind === kind) && (phase === null || item.phase === phase),
  );
}
