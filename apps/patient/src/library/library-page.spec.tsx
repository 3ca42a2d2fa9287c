import { BUILT_IN_CONTENT, CONTENT_KINDS, CONTENT_PHASES, contentOfKind } from '@ivks/content';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { filterItems } from './library-filter';
import { LibraryPage } from './library-page';

function renderLibrary(search = '') {
  return render(
    <MemoryRouter initialEntries={[`/library${search}`]}>
      <Routes>
        <Route path="/library" element={<LibraryPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

function filterLink(group: 'What kind' | 'When in your course', name: string): HTMLElement {
  return within(screen.getByRole('list', { name: group })).getByRole('link', { name });
}

/** The text of an element as seen, or as heard, by leaving out what the other one skips. */
function textWithout(element: HTMLElement, skipped: string): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(skipped).forEach((node) => node.remove());

  return copy.textContent ?? '';
}

function listedTitles(): string[] {
  return screen
    .getAllByRole('heading', { level: 2 })
    .filter((heading) => heading.closest('.content-list') !== null)
    .map((heading) => heading.textContent ?? '');
}

describe('LibraryPage', () => {
  it('shows every item with its summary, kind, phase and time in plain words', () => {
    renderLibrary();

    expect(listedTitles()).toEqual(BUILT_IN_CONTENT.map(({ title }) => title));
    const link = screen.getByRole('link', { name: 'Setting an intention' });
    expect(link.getAttribute('href')).toBe('/library/setting-an-intention');

    const entry = link.closest('li') as HTMLElement;
    const meta = entry.querySelector('.item-meta') as HTMLElement;
    expect(within(entry).queryByText(/^A gentle way to choose what you would like/)).not.toBeNull();
    expect(textWithout(meta, '.visually-hidden')).toBe('Guide · Getting ready · About 15 minutes');
    expect(textWithout(meta, '[aria-hidden="true"]')).toBe(
      'Guide, Getting ready, About 15 minutes',
    );
  });

  it('filters by the kind in the address and marks that choice', () => {
    renderLibrary('?kind=exercise');

    expect(listedTitles()).toEqual(contentOfKind('exercise').map(({ title }) => title));
    expect(filterLink('What kind', 'Calming exercises').getAttribute('aria-current')).toBe('true');
    expect(filterLink('What kind', 'Everything').getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      `Showing ${contentOfKind('exercise').length} items`,
    );
  });

  it('keeps the kind when the phase changes, through the address', () => {
    renderLibrary('?kind=exercise');

    fireEvent.click(filterLink('When in your course', 'Any time'));

    const expected = filterItems(BUILT_IN_CONTENT, { kind: 'exercise', phase: 'any_time' });
    expect(listedTitles()).toEqual(expected.map(({ title }) => title));
    expect(filterLink('When in your course', 'Any time').getAttribute('aria-current')).toBe('true');
    expect(filterLink('What kind', 'Everything').getAttribute('href')).toBe(
      '/library?phase=any_time',
    );
  });

  it('shows everything for a filter it does not know', () => {
    renderLibrary('?kind=recipes');

    expect(listedTitles()).toHaveLength(BUILT_IN_CONTENT.length);
    expect(filterLink('What kind', 'Everything').getAttribute('aria-current')).toBe('true');
  });

  it('says so, and offers everything, when nothing matches both choices', () => {
    const empty = CONTENT_KINDS.flatMap((kind) =>
      CONTENT_PHASES.map((phase) => ({ kind, phase })),
    ).find((filter) => filterItems(BUILT_IN_CONTENT, filter).length === 0);
    if (empty === undefined) {
      throw new Error('Every kind and phase has items, so no filter can come up empty');
    }
    renderLibrary(`?kind=${empty.kind}&phase=${empty.phase}`);

    expect(screen.getByRole('status').textContent).toBe('Showing 0 items');
    expect(
      screen.getByRole('link', { name: 'everything in the library' }).getAttribute('href'),
    ).toBe('/library');
  });
});
