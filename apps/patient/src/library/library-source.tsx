import { BUILT_IN_CONTENT, type ContentItem, type LibraryEntry } from '@ivks/content';
import { createContext, type ReactNode, use, useEffect, useState } from 'react';
import { useSession } from '../session/session-context';

const LibraryContext = createContext<readonly ContentItem[]>(BUILT_IN_CONTENT);

/**
 * The one place the patient app reads content from: the clinic's library, with its adapted and
 * own items, once signed in. Until it arrives, and whenever the API cannot be reached, the
 * built-in library stands in, so a breathing exercise never waits for the network.
 */
export function LibraryProvider({ children }: { children: ReactNode }) {
  const { session, api } = useSession();
  const [items, setItems] = useState<readonly ContentItem[]>(BUILT_IN_CONTENT);

  useEffect(() => {
    if (session.status !== 'signed-in') {
      setItems(BUILT_IN_CONTENT);

      return;
    }
    let active = true;
    void api.request<LibraryEntry[]>('/content').then(
      (entries) => {
        if (active) {
          setItems(entries.map((entry) => entry.item));
        }
      },
      // The built-in items stay on screen; the next sign-in or reload asks again.
      () => undefined,
    );

    return () => {
      active = false;
    };
  }, [session.status, api]);

  return <LibraryContext value={items}>{children}</LibraryContext>;
}

export function useLibraryItems(): readonly ContentItem[] {
  return use(LibraryContext);
}

/** The item with this slug, or undefined when the library has none. */
export function useLibraryItem(slug: string): ContentItem | undefined {
  return useLibraryItems().find((item) => item.slug === slug);
}

/** The breathing exercise "Calm now" opens: short, with no holds, so it suits a hard moment. */
export const CALM_NOW_SLUG = 'longer-breath-out';
