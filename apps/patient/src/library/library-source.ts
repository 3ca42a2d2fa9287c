import { BUILT_IN_CONTENT, contentBySlug, type ContentItem } from '@ivks/content';

/**
 * The one place the patient app reads content from. For now that is the library the portal ships
 * with; when clinics' own and adapted items come from the API, only this module needs to change.
 */
export function libraryItems(): readonly ContentItem[] {
  return BUILT_IN_CONTENT;
}

/** The item with this slug, or undefined when there is none. */
export function libraryItem(slug: string): ContentItem | undefined {
  return contentBySlug(slug);
}

/** The breathing exercise "Calm now" opens: short, with no holds, so it suits a hard moment. */
export const CALM_NOW_SLUG = 'longer-breath-out';
