import { BUILT_IN_CONTENT, CONTENT_LIBRARY_VERSION, contentBySlug } from './built-in-content';
import { clinicLibrary, filterLibrary } from './clinic-library';
import type { ContentItem } from './content.types';

const builtIn = BUILT_IN_CONTENT[0] as ContentItem;

describe('clinicLibrary', () => {
  it('is the built-in library when the clinic has written nothing', () => {
    const entries = clinicLibrary([]);

    expect(entries.map((entry) => entry.item)).toEqual(BUILT_IN_CONTENT);
    expect(entries.every((entry) => entry.origin === 'built_in')).toBe(true);
  });

  it('shows the clinic’s copy in place of the built-in item, in the same place', () => {
    const copy = { ...builtIn, title: 'Our own words' };
    const entries = clinicLibrary([{ item: copy, adaptedFromVersion: CONTENT_LIBRARY_VERSION }]);

    expect(entries).toHaveLength(BUILT_IN_CONTENT.length);
    expect(entries[0]).toEqual({
      item: copy,
      origin: 'adapted',
      adaptedFromVersion: CONTENT_LIBRARY_VERSION,
      builtInChangedSince: false,
    });
    expect(contentBySlug(builtIn.slug)?.title).toBe(builtIn.title);
  });

  it('keeps an adaptation over a newer library version, and says the original changed', () => {
    const copy = { ...builtIn, title: 'Our own words' };
    const [first] = clinicLibrary([{ item: copy, adaptedFromVersion: '2020.1.1' }]);

    expect(first?.item.title).toBe('Our own words');
    expect(first?.builtInChangedSince).toBe(true);
  });

  it('adds the clinic’s own items after the built-in ones', () => {
    const own: ContentItem = {
      slug: 'parking-at-our-clinic',
      kind: 'guide',
      phase: 'infusion_day',
      title: 'Parking',
      summary: 'Where to leave the car.',
      estimatedMinutes: 1,
      sections: [{ heading: 'The car park', paragraphs: ['Behind the building.'] }],
    };
    const entries = clinicLibrary([{ item: own, adaptedFromVersion: null }]);

    expect(entries.at(-1)).toEqual({
      item: own,
      origin: 'clinic',
      adaptedFromVersion: null,
      builtInChangedSince: false,
    });
    expect(filterLibrary(entries, { kind: 'guide', phase: 'infusion_day' })).toContainEqual(
      entries.at(-1),
    );
    expect(
      filterLibrary(entries, { kind: 'playlist' }).every((e) => e.item.kind === 'playlist'),
    ).toBe(true);
  });
});
