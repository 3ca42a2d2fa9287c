import {
  BUILT_IN_CONTENT,
  CONTENT_KINDS,
  CONTENT_LIBRARY_VERSION,
  CONTENT_PHASES,
  CONTENT_SLUG_PATTERN,
  PLAYLIST_MOMENTS,
  contentBySlug,
  contentForPhase,
  contentOfKind,
  type ContentItem,
} from './index';

interface Passage {
  where: string;
  text: string;
}

// Identifiers and links are not read by anyone; citations name other people's work as published.
const NOT_PROSE = new Set([
  'slug',
  'kind',
  'phase',
  'id',
  'timing',
  'moment',
  'clinicInstruction',
  'listenUrl',
  'url',
  'sources',
]);

function prose(value: unknown, where: string): Passage[] {
  if (typeof value === 'string') {
    return [{ where, text: value }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((entry: unknown, index) => prose(entry, `${where}[${index}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => !NOT_PROSE.has(key))
      .flatMap(([key, entry]) => prose(entry, `${where}.${key}`));
  }

  return [];
}

function proseOf(item: ContentItem): Passage[] {
  return prose(item, item.slug);
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?]["”]?)\s+/).filter((sentence) => sentence.length > 0);
}

const ALL_PROSE = BUILT_IN_CONTENT.flatMap(proseOf);
const ALL_SENTENCES = ALL_PROSE.flatMap(({ where, text }) =>
  sentencesOf(text).map((sentence) => ({ where, sentence })),
);

const MEDICAL_ADVICE_PATTERNS: { reason: string; pattern: RegExp }[] = [
  {
    reason: 'an amount of medicine',
    pattern: /\b\d+(?:[.,]\d+)?\s?(?:mg|milligrams?|ml|millilit(?:er|re)s?|mcg|micrograms?|cc)\b/i,
  },
  { reason: 'an amount per body weight', pattern: /\b(?:mg|milligrams?)\s?(?:\/|per)\s?kg\b/i },
  { reason: 'dosing', pattern: /\bdos(?:e|es|ed|ing|age|ages)\b/i },
  {
    reason: 'a fasting or waiting time',
    pattern: /\b\d+\s*(?:hours?|hrs?|minutes?|mins?)\s+(?:before|prior|ahead|after)\b/i,
  },
  { reason: 'a fasting instruction', pattern: /\bfast(?:ing)?\s+(?:for|from|after|until)\b/i },
  {
    reason: 'an eating or drinking instruction',
    pattern: /\b(?:do not|don't|avoid|stop|no)\s+(?:eat|eating|drink|drinking|food)\b/i,
  },
  {
    reason: 'a medicine instruction',
    pattern: /\b(?:stop|start|skip|pause|keep|continue|double|increase|reduce|lower)\s+taking\b/i,
  },
  {
    reason: 'a medicine instruction',
    pattern:
      /\b(?:take|stop|skip|pause)\s+(?:your|any|the)\s+(?:\w+\s)?(?:medicines?|medications?|pills?|tablets?)\b/i,
  },
  {
    reason: 'advice about other substances',
    pattern: /\b(?:alcohol|caffeine|cannabis|marijuana)\b/i,
  },
  { reason: 'a driving instruction', pattern: /\b(?:can|may|safe to|okay to|ok to)\s+drive\b/i },
];

/** Sentences that name the medical side only to hand it to the clinician. */
const ALLOWED_SENTENCES = new Set([
  'How much medicine you get, called the dose, is always decided by your prescribing clinician.',
]);

function medicalAdviceIn(sentence: string): string[] {
  if (ALLOWED_SENTENCES.has(sentence)) {
    return [];
  }

  return MEDICAL_ADVICE_PATTERNS.filter(({ pattern }) => pattern.test(sentence)).map(
    ({ reason }) => reason,
  );
}

const CHAPERONE_HEALTH_WORDS =
  /\b(?:depression|depressed|anxiety|diagnos\w*|medicines?|medications?|symptoms?|PHQ-9|GAD-7|mental health|illness|treatment)\b/i;

const MAX_WORDS_PER_SENTENCE = 25;

describe('the built-in content library', () => {
  it('has a calendar version', () => {
    expect(CONTENT_LIBRARY_VERSION).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  it('has at least 40 items', () => {
    expect(BUILT_IN_CONTENT.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every item a unique kebab-case slug', () => {
    const slugs = BUILT_IN_CONTENT.map(({ slug }) => slug);

    expect(slugs.filter((slug) => !CONTENT_SLUG_PATTERN.test(slug))).toEqual([]);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it.each(CONTENT_KINDS)('has items of kind %s', (kind) => {
    expect(contentOfKind(kind).length).toBeGreaterThan(0);
  });

  it.each(CONTENT_PHASES)('has items for the %s phase', (phase) => {
    expect(contentForPhase(phase).length).toBeGreaterThan(0);
  });

  it('gives every item a positive whole number of minutes', () => {
    const wrong = BUILT_IN_CONTENT.filter(
      ({ estimatedMinutes }) => !Number.isInteger(estimatedMinutes) || estimatedMinutes < 1,
    );

    expect(wrong.map(({ slug }) => slug)).toEqual([]);
  });

  it('gives every item a title and a one-sentence summary', () => {
    const wrong = BUILT_IN_CONTENT.filter(
      ({ title, summary }) =>
        title.trim().length === 0 || title.endsWith('.') || !/^[^.!?]+[.!?]$/.test(summary),
    );

    expect(wrong.map(({ slug }) => slug)).toEqual([]);
  });

  it(`keeps every sentence to ${MAX_WORDS_PER_SENTENCE} words or fewer`, () => {
    const long = ALL_SENTENCES.filter(
      ({ sentence }) => sentence.split(/\s+/).length > MAX_WORDS_PER_SENTENCE,
    );

    expect(long).toEqual([]);
  });
});

describe('medical advice', () => {
  it.each([
    'Take 50 mg before bed.',
    'The usual amount is 0.5 mg/kg.',
    'Do not eat for 6 hours before your infusion.',
    'Stop taking your antidepressant the day before.',
    'Skip your morning medication.',
    'A lower dose may feel gentler.',
    'Fast from midnight.',
    'Avoid alcohol the night before.',
    'You can drive the next day.',
  ])('is recognised in "%s"', (sentence) => {
    expect(medicalAdviceIn(sentence)).not.toEqual([]);
  });

  it('appears nowhere in the library', () => {
    const advice = ALL_SENTENCES.map(({ where, sentence }) => ({
      where,
      sentence,
      reasons: medicalAdviceIn(sentence),
    })).filter(({ reasons }) => reasons.length > 0);

    expect(advice).toEqual([]);
  });

  it('is only allowed in sentences that are still in the library and defer to the clinician', () => {
    const present = new Set(ALL_SENTENCES.map(({ sentence }) => sentence));

    for (const sentence of ALLOWED_SENTENCES) {
      expect(present.has(sentence)).toBe(true);
      expect(sentence).toMatch(/\bclinician\b/);
    }
  });
});

describe('playlists', () => {
  const playlists = contentOfKind('playlist');

  it('has at least 5, with at least 8 tracks each', () => {
    expect(playlists.length).toBeGreaterThanOrEqual(5);
    expect(playlists.filter(({ tracks }) => tracks.length < 8).map(({ slug }) => slug)).toEqual([]);
  });

  it.each(PLAYLIST_MOMENTS)('has a playlist for %s an infusion', (moment) => {
    expect(playlists.some((playlist) => playlist.moment === moment)).toBe(true);
  });

  it('links every track to a search for its own artist and title', () => {
    for (const { artist, title, listenUrl } of playlists.flatMap(({ tracks }) => tracks)) {
      const url = new URL(listenUrl);

      expect(`${url.origin}${url.pathname}`).toBe('https://music.youtube.com/search');
      expect(url.searchParams.get('q')).toBe(`${artist} ${title}`);
    }
  });

  it('gives every track a plausible length and each playlist its total time', () => {
    for (const { slug, tracks, estimatedMinutes } of playlists) {
      const seconds = tracks.map(({ durationSeconds }) => durationSeconds);

      expect(seconds.every((s) => Number.isInteger(s) && s >= 60 && s <= 3600)).toBe(true);
      expect({ slug, estimatedMinutes }).toEqual({
        slug,
        estimatedMinutes: Math.ceil(seconds.reduce((sum, s) => sum + s, 0) / 60),
      });
    }
  });

  it('does not repeat a track within a playlist', () => {
    for (const { tracks } of playlists) {
      const keys = tracks.map(({ artist, title }) => `${artist} / ${title}`);

      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('checklists', () => {
  const checklists = contentOfKind('checklist');

  it('has at least 3', () => {
    expect(checklists.length).toBeGreaterThanOrEqual(3);
  });

  it('has the preparation checklist the product requires', () => {
    const preparation = contentBySlug('infusion-preparation-checklist');

    if (preparation?.kind !== 'checklist') {
      throw new Error('infusion-preparation-checklist is missing or not a checklist');
    }
    const ids = preparation.items.map(({ id }) => id);
    const topics = preparation.items.map(({ clinicInstruction }) => clinicInstruction);

    expect(preparation.phase).toBe('preparation');
    expect(ids).toEqual(
      expect.arrayContaining([
        'ride-home-arranged',
        'chaperone-briefed',
        'comfortable-clothes',
        'playlist-ready',
      ]),
    );
    expect(topics).toEqual(expect.arrayContaining(['fasting', 'medicines']));
  });

  it('gives every entry a kebab-case id that is unique within its checklist', () => {
    for (const { items } of checklists) {
      const ids = items.map(({ id }) => id);

      expect(ids.filter((id) => !CONTENT_SLUG_PATTERN.test(id))).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("sends every clinic-instruction entry to the clinic's own words, with no times or amounts", () => {
    const entries = checklists
      .flatMap(({ items }) => items)
      .filter(({ clinicInstruction }) => clinicInstruction !== undefined);

    expect(entries.length).toBeGreaterThan(0);
    for (const { label } of entries) {
      expect(label).toMatch(/^(?:Read|Check) your clinic's /);
      expect(label).not.toMatch(/\d/);
    }
  });
});

describe('journal templates', () => {
  const templates = contentOfKind('journal_template');

  it.each(['same_evening', 'next_day', 'following_week'] as const)(
    'has integration templates for the %s',
    (timing) => {
      const matching = templates.filter((template) => template.timing === timing);

      expect(matching.length).toBeGreaterThan(0);
      expect(matching.every(({ phase }) => phase === 'integration')).toBe(true);
    },
  );

  it('gives every template at least 3 prompts', () => {
    expect(templates.filter(({ prompts }) => prompts.length < 3).map(({ slug }) => slug)).toEqual(
      [],
    );
  });
});

describe('exercises', () => {
  const exercises = contentOfKind('exercise');

  it('has at least 6, including the breathing, grounding, body scan and distress ones', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(6);
    expect(exercises.map(({ slug }) => slug)).toEqual(
      expect.arrayContaining([
        'box-breathing',
        'four-seven-eight-breathing',
        'five-four-three-two-one-grounding',
        'body-scan',
        'when-it-feels-like-too-much',
        'riding-the-wave-during-an-infusion',
      ]),
    );
  });

  it('paces breathing in whole seconds that fit in the estimated time', () => {
    const paced = exercises.filter((exercise) => exercise.pacer !== undefined);

    expect(paced.map(({ slug }) => slug)).toEqual(
      expect.arrayContaining(['box-breathing', 'four-seven-eight-breathing']),
    );
    for (const { slug, pacer, estimatedMinutes } of paced) {
      if (pacer === undefined) {
        continue;
      }
      const { inhaleSeconds, holdSeconds, exhaleSeconds, holdAfterSeconds, cycles } = pacer;
      const values = [inhaleSeconds, holdSeconds, exhaleSeconds, holdAfterSeconds, cycles];
      const cycleSeconds = inhaleSeconds + holdSeconds + exhaleSeconds + holdAfterSeconds;

      expect({
        slug,
        wholeAndNonNegative: values.every((v) => Number.isInteger(v) && v >= 0),
      }).toEqual({ slug, wholeAndNonNegative: true });
      expect(Math.min(inhaleSeconds, exhaleSeconds, cycles)).toBeGreaterThan(0);
      expect(cycleSeconds * cycles).toBeLessThanOrEqual(estimatedMinutes * 60);
    }
  });

  it('keeps box breathing square', () => {
    const box = contentBySlug('box-breathing');
    const pacer = box?.kind === 'exercise' ? box.pacer : undefined;

    expect(pacer).toBeDefined();
    expect(
      new Set([
        pacer?.inhaleSeconds,
        pacer?.holdSeconds,
        pacer?.exhaleSeconds,
        pacer?.holdAfterSeconds,
      ]).size,
    ).toBe(1);
  });

  it('gives every exercise steps', () => {
    expect(exercises.filter(({ steps }) => steps.length < 3).map(({ slug }) => slug)).toEqual([]);
  });
});

describe('chaperone tips', () => {
  const tips = contentOfKind('chaperone_tip');

  it('covers the day, the ride home and the hours after', () => {
    expect(tips.map(({ slug }) => slug)).toEqual(
      expect.arrayContaining([
        'chaperone-on-the-day',
        'chaperone-the-ride-home',
        'chaperone-the-hours-after',
      ]),
    );
  });

  it("says nothing about anyone's health", () => {
    const mentions = tips
      .flatMap(proseOf)
      .filter(({ text }) => CHAPERONE_HEALTH_WORDS.test(text))
      .map(({ where }) => where);

    expect(mentions).toEqual([]);
  });
});

describe('articles', () => {
  const articles = contentOfKind('article');
  const lastYear = Number(CONTENT_LIBRARY_VERSION.slice(0, 4));

  it('answers the questions patients ask', () => {
    expect(articles.map(({ slug }) => slug)).toEqual(
      expect.arrayContaining([
        'iv-ketamine-and-ketamine-assisted-psychotherapy',
        'what-an-infusion-can-feel-like',
        'ketamine-myths-and-street-names',
        'ketamine-and-the-risk-of-dependence',
        'how-soon-change-tends-to-come',
        'why-integration-matters',
      ]),
    );
  });

  it('names at least one source for every article, each with a title, publisher and year', () => {
    for (const { slug, sources } of articles) {
      expect({ slug, hasSources: sources.length > 0 }).toEqual({ slug, hasSources: true });
      for (const { title, publisher, year } of sources) {
        expect(title.trim()).not.toBe('');
        expect(publisher.trim()).not.toBe('');
        expect(Number.isInteger(year) && year >= 1950 && year <= lastYear).toBe(true);
      }
    }
  });

  it('points back to the clinic or care team in every article', () => {
    const silent = articles.filter(
      (article) =>
        !proseOf(article).some(({ text }) => /\b(?:clinician|clinic|care team)\b/.test(text)),
    );

    expect(silent.map(({ slug }) => slug)).toEqual([]);
  });
});

describe('guides and articles', () => {
  it('has guides for setting an intention and for reflecting afterwards', () => {
    expect(contentOfKind('guide').map(({ slug }) => slug)).toEqual(
      expect.arrayContaining(['setting-an-intention', 'reflecting-after-an-infusion']),
    );
  });

  it('gives every section a heading and at least one paragraph', () => {
    for (const { slug, sections } of [...contentOfKind('guide'), ...contentOfKind('article')]) {
      const empty = sections.filter(
        ({ heading, paragraphs }) => heading === '' || !paragraphs.length,
      );

      expect({ slug, sections: sections.length > 0, empty }).toEqual({
        slug,
        sections: true,
        empty: [],
      });
    }
  });
});

describe('the lookup helpers', () => {
  it('finds an item by its slug, and nothing for an unknown one', () => {
    expect(contentBySlug('box-breathing')?.kind).toBe('exercise');
    expect(contentBySlug('no-such-item')).toBeUndefined();
  });

  it('returns only items of the kind asked for', () => {
    for (const kind of CONTENT_KINDS) {
      expect(contentOfKind(kind).every((item) => item.kind === kind)).toBe(true);
    }
  });

  it('splits the library by phase with nothing left over', () => {
    const counts = CONTENT_PHASES.map((phase) => {
      const items = contentForPhase(phase);

      expect(items.every((item) => item.phase === phase)).toBe(true);

      return items.length;
    });

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(BUILT_IN_CONTENT.length);
  });
});
