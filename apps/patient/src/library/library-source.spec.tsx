import { BUILT_IN_CONTENT, CONTENT_KINDS, contentBySlug } from '@ivks/content';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../session/session-context';
import { fakeApi } from '../testing/fake-api';
import { CALM_NOW_SLUG, LibraryProvider, useLibraryItem, useLibraryItems } from './library-source';

function Titles() {
  const items = useLibraryItems();
  const checklist = useLibraryItem('infusion-preparation-checklist');

  return (
    <p>
      {items.length} items; {checklist?.title}
    </p>
  );
}

function renderWith(routes: Parameters<typeof fakeApi>[0]) {
  const { api } = fakeApi(routes);
  render(
    <MemoryRouter>
      <SessionProvider api={api}>
        <LibraryProvider>
          <Titles />
        </LibraryProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('the library source', () => {
  it('has items of every kind, and "Calm now" points at a breathing exercise with a pacer', () => {
    const kinds = new Set(BUILT_IN_CONTENT.map(({ kind }) => kind));
    const calm = contentBySlug(CALM_NOW_SLUG);

    expect([...kinds].sort()).toEqual([...CONTENT_KINDS].sort());
    expect(calm?.kind === 'exercise' ? calm.pacer : undefined).toBeDefined();
  });

  it('shows the clinic’s library once it arrives, adapted items included', async () => {
    const adapted = {
      ...contentBySlug('infusion-preparation-checklist'),
      title: 'Before you come in',
    };
    renderWith({
      'GET /content': () => ({
        status: 200,
        body: [
          { item: adapted, origin: 'adapted', adaptedFromVersion: 'x', builtInChangedSince: false },
        ],
      }),
    });

    await expect(screen.findByText('1 items; Before you come in')).resolves.toBeInstanceOf(
      HTMLElement,
    );
  });

  it('keeps the built-in library when the clinic’s cannot be fetched', async () => {
    renderWith({ 'GET /content': () => ({ status: 503 }) });

    await waitFor(() =>
      expect(
        screen.queryByText(`${BUILT_IN_CONTENT.length} items; Getting ready for your infusion`),
      ).not.toBeNull(),
    );
  });
});
