import { DraftStore, parseTags, type LocalDraft } from './journal-drafts';

const draft = (clientId: string, editedAt: number, text = 'Words'): LocalDraft => ({
  clientId,
  text,
  mood: null,
  tags: [],
  promptSlug: null,
  infusionId: null,
  editedAt,
});

describe('DraftStore', () => {
  afterEach(() => localStorage.clear());

  it('keeps each draft under its own key, for its own user only', () => {
    const maya = new DraftStore(localStorage, 'maya');
    const sam = new DraftStore(localStorage, 'sam');
    maya.write(draft('a', 1, 'First'));
    maya.write(draft('b', 3, 'Second'));
    sam.write(draft('c', 2, 'Not Maya’s'));

    expect(maya.read('a')?.text).toBe('First');
    expect(maya.list().map((kept) => kept.clientId)).toEqual(['b', 'a']);
    expect(sam.read('a')).toBeNull();
    expect(sam.list().map((kept) => kept.clientId)).toEqual(['c']);

    maya.remove('a');
    expect(maya.read('a')).toBeNull();
  });

  it('ignores what is not a draft under its keys', () => {
    localStorage.setItem('ivks.journal-draft.maya.x', '{not json');
    localStorage.setItem('ivks.journal-draft.maya.y', JSON.stringify({ text: 1 }));

    expect(new DraftStore(localStorage, 'maya').list()).toEqual([]);
  });

  it('says so when the browser refuses to keep a draft', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;

    expect(new DraftStore(full, 'maya').write(draft('a', 1))).toBe(false);
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, and drops blanks and repeats', () => {
    expect(parseTags(' calm, family ,, calm,  ')).toEqual(['calm', 'family']);
    expect(parseTags('')).toEqual([]);
  });
});
