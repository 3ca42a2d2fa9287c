import { BUILT_IN_CONTENT } from './built-in-content';
import { parseContentItem } from './content.schema';

describe('parseContentItem', () => {
  it.each(BUILT_IN_CONTENT.map((item) => [item.slug, item] as const))(
    'accepts the built-in %s',
    (_slug, item) => {
      expect(parseContentItem(item).problems).toBeNull();
    },
  );

  const guide = {
    slug: 'our-own-guide',
    kind: 'guide',
    phase: 'preparation',
    title: 'Our way of doing things',
    summary: 'What to expect at our clinic.',
    estimatedMinutes: 3,
    sections: [{ heading: 'Arriving', paragraphs: ['Come to the side door.'] }],
  };

  it('accepts a clinic’s own guide', () => {
    expect(parseContentItem(guide).problems).toBeNull();
  });

  it('names each problem by its place in the item', () => {
    const { problems } = parseContentItem({
      ...guide,
      slug: 'Our Guide',
      estimatedMinutes: 0,
      sections: [{ heading: '', paragraphs: [] }],
      colour: 'blue',
    });

    expect(Object.keys(problems ?? {}).sort()).toEqual([
      'estimatedMinutes',
      'item',
      'sections.0.heading',
      'sections.0.paragraphs',
      'slug',
    ]);
  });

  it('refuses a kind it does not know and a checklist with a repeated entry id', () => {
    expect(parseContentItem({ ...guide, kind: 'poem' }).problems).toHaveProperty('kind');
    const checklist = {
      ...guide,
      kind: 'checklist',
      sections: undefined,
      items: [
        { id: 'same', label: 'One' },
        { id: 'same', label: 'Two' },
      ],
    };
    expect(parseContentItem(checklist).problems).toHaveProperty('items');
  });
});
