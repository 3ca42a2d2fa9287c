import { CONTENT_KINDS } from '@ivks/content';
import { CALM_NOW_SLUG, libraryItem, libraryItems } from './library-source';

describe('library source', () => {
  it('finds every listed item by its slug', () => {
    for (const item of libraryItems()) {
      expect(libraryItem(item.slug)).toBe(item);
    }
  });

  it('has items of every kind for the library to show', () => {
    const kinds = new Set(libraryItems().map(({ kind }) => kind));

    expect([...kinds].sort()).toEqual([...CONTENT_KINDS].sort());
  });

  it('says there is no item for an unknown slug', () => {
    expect(libraryItem('no-such-page')).toBeUndefined();
  });

  it('points "Calm now" at a breathing exercise with a pacer', () => {
    const item = libraryItem(CALM_NOW_SLUG);

    expect(item?.kind).toBe('exercise');
    expect(item?.kind === 'exercise' ? item.pacer : undefined).toBeDefined();
  });
});
