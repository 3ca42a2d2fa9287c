import { isPlainName } from './is-plain-name';

describe('plain names', () => {
  it.each([
    ['a Latin name', 'Amelia Ortiz-Brennan'],
    ['accents and apostrophes', 'Zoë O’Connor'],
    ['an Arabic name with a direction mark', 'ليلى\u200F حداد'],
    ['a Persian name with a non-joiner', 'مهر\u200Cانگیز'],
    ['a name in Devanagari', 'अनन्या'],
  ])('accepts %s', (_case, name) => {
    expect(isPlainName(name)).toBe(true);
  });

  it.each([
    ['a right-to-left override', 'Dr Evans\u202E (admin)'],
    ['a left-to-right embedding', '\u202ASam'],
    ['a first-strong isolate', 'Sam\u2068 Lee\u2069'],
    ['a line break', 'Sam\nLee'],
    ['a tab', 'Sam\tLee'],
    ['a terminal escape', 'Sam\u001b[31m'],
    ['a C1 control', 'Sam\u0085Lee'],
  ])('refuses %s', (_case, name) => {
    expect(isPlainName(name)).toBe(false);
  });

  it('refuses what is not text', () => {
    expect(isPlainName(42)).toBe(false);
  });
});
