/**
 * Recognises writing that suggests a person may be thinking of suicide or of hurting themselves,
 * so that the patient can be shown crisis resources at once. It is a safety net, not a judgement:
 * when a phrase is unclear it errs towards showing help, because seeing a crisis line costs the
 * patient little and missing one can cost a great deal.
 */

export type CrisisTheme = 'suicide' | 'self_harm' | 'hopelessness';

export interface CrisisSignal {
  theme: CrisisTheme;
  /** The words that matched, in lower case. */
  phrase: string;
}

interface Phrasing {
  theme: CrisisTheme;
  pattern: RegExp;
  /**
   * Whether a "not", "never" or "no" just before it takes the concern away ("I would never hurt
   * myself"). Phrasings that already carry their own negation ("I don't want to live") do not.
   */
  negatable: boolean;
}

const SELF = String.raw`(?:myself|my\s+self)`;

/** The maintained list of phrasings. Each one is covered by the table in the spec beside this. */
const PHRASINGS: readonly Phrasing[] = [
  { theme: 'suicide', pattern: /\bsuicid(?:e|al|ality)\b/, negatable: true },
  {
    theme: 'suicide',
    pattern: new RegExp(String.raw`\b(?:kill(?:ing)?|unaliv(?:e|ing))\s+${SELF}\b`),
    negatable: true,
  },
  // "kms" is also kilometres, so only as something a person would do.
  { theme: 'suicide', pattern: /\b(?:to|gonna|wanna|will|might)\s+kms\b/, negatable: true },
  {
    theme: 'suicide',
    pattern:
      /\bwish(?:ed|ing)?\s+i\s+(?:(?:wasn't|was\s+not|weren't|were\s+not)\s+(?:here|alive|around|born)|(?:was|were)\s+never\s+born|(?:didn't|did\s+not)\s+(?:exist|wake\s+up))\b/,
    negatable: true,
  },
  {
    theme: 'suicide',
    // Pills put by for one moment; "saving up" alone is for a trip.
    pattern:
      /\b(?:(?:sav(?:e|ed|ing)\s+up|stockpil(?:e|ed|ing)|hoard(?:ed|ing)?)\s+(?:my\s+|some\s+|all\s+my\s+)?(?:pills|tablets|meds|medications?)|(?:pills|tablets|meds|medications?)\s+(?:saved\s+up|stockpiled|hoarded))\b/,
    negatable: true,
  },
  {
    theme: 'suicide',
    pattern: /\b(?:end(?:ing)?|take|taking)\s+(?:my\s+(?:own\s+)?life|it\s+all)\b/,
    negatable: true,
  },
  {
    theme: 'suicide',
    pattern:
      /\b(?:want(?:ed|ing)?|wish(?:ed|ing)?)\s+(?:to\s+(?:die|be\s+dead)|i\s+(?:was|were)\s+dead|i\s+(?:could|would)\s+die)\b/,
    negatable: true,
  },
  { theme: 'suicide', pattern: /\bbetter\s+off\s+(?:dead|without\s+me)\b/, negatable: true },
  { theme: 'suicide', pattern: /\b(?:overdos(?:e|ed|ing)|od)\b/, negatable: true },
  {
    theme: 'suicide',
    pattern:
      /\b(?:do\s+not|don't|didn't|did\s+not|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|exist|wake\s+up)\b/,
    negatable: false,
  },
  {
    theme: 'self_harm',
    // "cut myself a slice" is for myself, not to myself.
    pattern: new RegExp(
      String.raw`\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning)\s+${SELF}\b(?!\s+(?:a|an|some)\b)`,
    ),
    negatable: true,
  },
  {
    theme: 'self_harm',
    pattern: /\bself[\s-]?(?:harm(?:ing)?|injur(?:y|e|ing))\b/,
    negatable: true,
  },
  {
    theme: 'hopelessness',
    pattern:
      /\b(?:no|not\s+any|nothing\s+to)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go(?:ing)?\s+on)\b/,
    negatable: false,
  },
  { theme: 'hopelessness', pattern: /\b(?:can't|cannot|can\s+not)\s+go\s+on\b/, negatable: false },
];

/** A negation within two words before a phrase, in the same clause: "not", "never", "no", "n't". */
const NEGATED_BEFORE = /(?:\bnot|\bnever|\bno|n't|\bwithout)(?:\s+[\w']+){0,2}\s*$/;

/** Uses of the words that are plainly about something else. */
const FIGURES_OF_SPEECH = [
  /\bsuicide\s+squad\b/g,
  /\b(?:od|o\.d\.)\s+on\s+(?:coffee|chocolate|sugar|tv)\b/g,
];

/** Where one thought ends: sentence ends, semicolons, blank lines, and a turn with "but". */
const CLAUSE_BREAK = /[.!?;]+|\n\s*\n|\bbut\b/;

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

/** The crisis signals in a piece of writing, in the order they appear; empty when there is none. */
export function findCrisisSignals(text: string): CrisisSignal[] {
  let prepared = normalise(text);
  for (const figure of FIGURES_OF_SPEECH) {
    prepared = prepared.replace(figure, (match) => ' '.repeat(match.length));
  }
  const signals: CrisisSignal[] = [];
  for (const clause of prepared.split(CLAUSE_BREAK).map((part) => part.replace(/\s+/g, ' '))) {
    for (const phrasing of PHRASINGS) {
      const pattern = new RegExp(phrasing.pattern.source, 'g');
      for (const match of clause.matchAll(pattern)) {
        const before = clause.slice(0, match.index);
        if (phrasing.negatable && NEGATED_BEFORE.test(before)) {
          continue;
        }
        signals.push({ theme: phrasing.theme, phrase: match[0] });
      }
    }
  }

  return signals;
}

export function suggestsCrisis(text: string): boolean {
  return findCrisisSignals(text).length > 0;
}
