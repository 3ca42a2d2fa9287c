import {
  BUILT_IN_CONTENT,
  contentBySlug,
  type ContentItemOfKind,
  type ContentKind,
} from '@ivks/content';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { LibraryItemPage } from './library-item-page';

function builtIn<K extends ContentKind>(slug: string, kind: K): ContentItemOfKind<K> {
  const item = contentBySlug(slug);
  if (item?.kind !== kind) {
    throw new Error(`The built-in library has no ${kind} called ${slug}`);
  }

  return item as ContentItemOfKind<K>;
}

function renderItem(slug: string, state?: unknown) {
  return render(
    <MemoryRouter initialEntries={[{ pathname: `/library/${slug}`, state }]}>
      <Routes>
        <Route path="/library/:slug" element={<LibraryItemPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

function headings(level: number): string[] {
  return screen.getAllByRole('heading', { level }).map((heading) => heading.textContent ?? '');
}

describe('LibraryItemPage', () => {
  it.each(BUILT_IN_CONTENT.map((item) => [item.kind, item.slug, item.title]))(
    'shows the %s "%s" under its own title',
    (_kind, slug, title) => {
      renderItem(slug);

      expect(headings(1)).toEqual([title]);
      expect(document.title).toBe(`${title} – IV Ketamine Support`);
    },
  );

  it('lays a guide out as headed sections of paragraphs', () => {
    const guide = builtIn('setting-an-intention', 'guide');
    renderItem(guide.slug);

    expect(headings(2)).toEqual(guide.sections.map(({ heading }) => heading));
    const first = guide.sections[0];
    expect(screen.queryByText(first?.paragraphs[0] ?? 'missing')).not.toBeNull();
    expect(screen.queryByText('About 15 minutes', { exact: false })).not.toBeNull();
  });

  it('ends an article with the sources it draws on', () => {
    const article = builtIn('iv-ketamine-and-ketamine-assisted-psychotherapy', 'article');
    renderItem(article.slug);

    expect(headings(2).at(-1)).toBe('Where this comes from');
    const sources = screen.getByRole('region', { name: 'Where this comes from' });
    const listed = within(sources).getAllByRole('listitem');
    expect(listed).toHaveLength(article.sources.length);
    const first = article.sources[0];
    expect(listed[0]?.textContent).toContain(`${first?.title}.`);
    expect(listed[0]?.textContent).toContain(`${first?.publisher}, ${first?.year}.`);
  });

  it('lists a journal template’s questions, and when they are meant for', () => {
    const template = builtIn('same-evening-check-in', 'journal_template');
    renderItem(template.slug);

    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((entry) => entry.textContent),
    ).toEqual(template.prompts);
    expect(
      screen.queryByText('These questions are for the evening after an infusion.'),
    ).not.toBeNull();
  });

  it('lists chaperone tips', () => {
    const tips = builtIn('chaperone-getting-ready', 'chaperone_tip');
    renderItem(tips.slug);

    expect(screen.getAllByRole('listitem').map((entry) => entry.textContent)).toEqual(tips.tips);
  });

  it('shows a checklist to read, pointing to the clinic for the physical side', () => {
    const checklist = builtIn('infusion-preparation-checklist', 'checklist');
    renderItem(checklist.slug);

    const entries = screen.getAllByRole('listitem');
    expect(entries).toHaveLength(checklist.items.length);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);

    checklist.items.forEach((entry, index) => {
      const text = entries[index]?.textContent ?? '';
      expect(text).toContain(entry.label);
      expect(text.includes('instructions on')).toBe(entry.clinicInstruction !== undefined);
    });
    const fasting = checklist.items.findIndex((entry) => entry.clinicInstruction === 'fasting');
    expect(entries[fasting]?.textContent).toContain(
      "Your clinic's own instructions on eating and drinking apply here.",
    );
  });

  it('numbers an exercise’s steps and offers the pacer when it has one', () => {
    const exercise = builtIn('box-breathing', 'exercise');
    renderItem(exercise.slug);

    const steps = screen.getAllByRole('list')[0];
    expect(steps?.tagName).toBe('OL');
    expect(within(steps as HTMLElement).getAllByRole('listitem')).toHaveLength(
      exercise.steps.length,
    );
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeNull();
  });

  it('leaves the pacer out of an exercise without one', () => {
    const exercise = builtIn('body-scan', 'exercise');
    renderItem(exercise.slug);

    expect(screen.getAllByRole('listitem')).toHaveLength(exercise.steps.length);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lists a playlist’s tracks with their Listen links', () => {
    const playlist = builtIn('quiet-mornings-before', 'playlist');
    renderItem(playlist.slug);

    expect(screen.getAllByRole('link', { name: /^Listen to / })).toHaveLength(
      playlist.tracks.length,
    );
    expect(screen.getByRole('link', { name: 'See all the music' }).getAttribute('href')).toBe(
      '/music',
    );
  });

  it('goes back to the filtered list the patient came from', () => {
    renderItem('box-breathing', { librarySearch: '?kind=exercise' });

    expect(screen.getByRole('link', { name: 'Back to the library' }).getAttribute('href')).toBe(
      '/library?kind=exercise',
    );
  });

  it('says kindly that an unknown page is not there, with a way back', () => {
    renderItem('no-such-page');

    expect(headings(1)).toEqual(['We could not find that page']);
    expect(screen.getByRole('link', { name: 'Go to the library' }).getAttribute('href')).toBe(
      '/library',
    );
    expect(document.title).toBe('Page not found – IV Ketamine Support');
  });
});
