/**
 * Characters that change how a line reads without showing themselves: controls (line breaks,
 * tabs, terminal escapes), the line and paragraph separators, the bidirectional embeddings,
 * overrides and isolates, which reorder the text after them, and the invisible spaces, fillers,
 * tags and annotation marks. Direction marks and joiners are not among them: Arabic, Hebrew and
 * Persian text needs them.
 */
export const HIDDEN_CHARACTERS =
  /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF\u115F\u1160\u3164\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;

/** Whether text shows on screen as it is written, with nothing hidden in it. */
export function showsAsWritten(text: string): boolean {
  return !HIDDEN_CHARACTERS.test(text);
}
