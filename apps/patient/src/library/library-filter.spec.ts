import type { ContentItem } from '@ivks/content';
import { filterHref, filterItems, readFilter } from './library-filter';

function item(slug: string, kind: ContentItem['kind'], phase: ContentItem['phase']): ContentItem {
  const base = { slug, phase, title: slug, summary: `About ${slug}.`, estimatedMinutes: 5 };

  switch (kind) {
    case 'guide':
      return { ...base, kind, sections: [] };
    case 'article':
      return { ...base, kind, sections: [], sources: [] };
    case 'journal_template':
      return { ...base, kind, timing: 'any_time', prompts: [] };
    case 'playlist':
      return { ...base, kind, moment: 'before', tracks: [] };
    case 'chaperone_tip':
      return { ...base, kind, tips: [] };
    case 'checklist':
      return { ...base, kind, items: [] };
    case 'exercise':
      return { ...base, kind, steps: [] };
  }
}

const items = [
  item('intention', 'guide', 'preparation'),
  item('breathing', 'exercise', 'any_time'),
  item('grounding', 'exercise', 'infusion_day'),
  item('evening', 'journal_template', 'integration'),
  item('getting-ready', 'checklist', 'preparation'),
];

function slugs(list: ContentItem[]): string[] {
  return list.map(({ slug }) => slug);
}

describe('readFilter', () => {
  it('reads a kind and a phase from the address', () => {
    expect(readFilter(new URLSearchParams('kind=exercise&phase=any_time'))).toEqual({
      kind: 'exercise',
      phase: 'any_time',
    });
  });

  it('shows everything for a missing or unknown value', () => {
    expect(readFilter(new URLSearchParams('kind=recipes&phase='))).toEqual({
      kind: null,
      phase: null,
    });
  });
});

describe('filterItems', () => {
  it.each<[string, string, string[]]>([
    ['no filter keeps every item in order', '', slugs(items)],
    ['a kind keeps that kind only', 'kind=exercise', ['breathing', 'grounding']],
    ['a phase keeps that phase only', 'phase=preparation', ['intention', 'getting-ready']],
    ['"Any time" keeps only items for any time', 'phase=any_time', ['breathing']],
    ['kind and phase must both match', 'kind=exercise&phase=infusion_day', ['grounding']],
    ['a combination with no items is empty', 'kind=guide&phase=integration', []],
  ])('%s', (_name, query, expected) => {
    expect(slugs(filterItems(items, readFilter(new URLSearchParams(query))))).toEqual(expected);
  });
});

describe('filterHref', () => {
  it('changes one part of the filter and keeps the other', () => {
    expect(filterHref({ kind: 'exercise', phase: null }, { phase: 'any_time' })).toBe(
      '/library?kind=exercise&phase=any_time',
    );
  });

  it('drops a part that is set back to everything', () => {
    expect(filterHref({ kind: 'exercise', phase: 'any_time' }, { kind: null })).toBe(
      '/library?phase=any_time',
    );
    expect(filterHref({ kind: 'guide', phase: null }, { kind: null })).toBe('/library');
  });
});
