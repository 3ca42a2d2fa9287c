import { MAX_BODY_DEPTH, nestingDepth } from './body-depth';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) {
    value = level % 2 === 0 ? [value] : { inner: value };
  }

  return value;
}

describe('nestingDepth', () => {
  it.each([
    ['a plain value', 'text', 0],
    ['an empty object', {}, 1],
    ['a body with a list of objects', { infusions: [{ scheduledAt: 'x' }] }, 3],
  ])('counts %s', (_name, value, depth) => {
    expect(nestingDepth(value)).toBe(depth);
  });

  it('stops counting past the limit, however deep the value goes', () => {
    expect(nestingDepth(nested(100_000), MAX_BODY_DEPTH)).toBe(MAX_BODY_DEPTH + 1);
  });
});
