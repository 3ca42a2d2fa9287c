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
    ['a line separator', 'Ann\u2028Smith'],
    ['a paragraph separator', 'Ann\u2029Smith'],
    ['a zero-width space', 'Ann\u200BSmith'],
    ['a byte-order mark', '\uFEFFAnn'],
    ['tag characters', 'Ann\u{E0041}\u{E0042}'],
    ['only a direction mark', '\u200E'],
    ['only joiners', '\u200C\u200D'],
    ['only a Hangul filler', '\u3164'],
    ['only punctuation', "'-."],
  ])('refuses %s', (_case, name) => {
    expect(isPlainName(name)).toBe(false);
  });

  it('refuses what is not text', () => {
    expect(isPlainName(42)).toBe(false);
  });
});
