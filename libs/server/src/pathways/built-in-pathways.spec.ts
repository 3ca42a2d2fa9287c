import { contentBySlug } from '@ivks/content';
import { BUILT_IN_PATHWAYS } from '@ivks/contracts';
import { BUILT_IN_PATHWAY_TEMPLATES } from './built-in-pathways';
import { dueInstant } from './due-time';

describe.each(BUILT_IN_PATHWAYS)('the built-in pathway %s', (builtIn) => {
  const template = BUILT_IN_PATHWAY_TEMPLATES[builtIn];

  it('names itself', () => {
    expect(template.builtIn).toBe(builtIn);
  });

  it.each(template.tasks.map((task) => [task.contentSlug, task]))(
    'points %s at a built-in content item, with a timing that can be computed',
    (_slug, task) => {
      expect(contentBySlug(task.contentSlug)).toBeDefined();
      expect(
        dueInstant(new Date('2031-03-10T14:30:00Z'), task.timing.offset, 'America/New_York'),
      ).toBeInstanceOf(Date);
    },
  );
});
