import { unstorableTextAt } from './unstorable-text';

describe('unstorableTextAt', () => {
  it.each([
    ['plain words', { givenName: 'Maya', tags: ['calm', 'sleep'] }],
    ['accents, scripts and emoji', { text: 'Ça va. مرحبا 你好 🌿👩🏽‍⚕️' }],
    ['numbers and nulls', { mood: 5, phone: null }],
  ])('finds nothing wrong in %s', (_name, body) => {
    expect(unstorableTextAt(body)).toBeNull();
  });

  it.each([
    ['a NUL in a name', { givenName: 'G\u0000' }, 'givenName'],
    ['a NUL in a list', { tags: ['fine', 't\u0000'] }, 'tags.1'],
    ['a lone high surrogate', { email: 'a\uD800@example.com' }, 'email'],
    ['a lone low surrogate', { nested: { note: '\uDC00x' } }, 'nested.note'],
    ['a broken character in a key', { ['k\u0000']: 'v' }, 'a field name'],
  ])('names the field holding %s', (_name, body, field) => {
    expect(unstorableTextAt(body)).toBe(field);
  });
});
