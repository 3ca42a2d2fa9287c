import type { BreathingPacer } from '@ivks/content';
import { pacerAt, phasesOf, totalSeconds, type BreathPhase, type PacerMoment } from './pacer';

const box: BreathingPacer = {
  inhaleSeconds: 4,
  holdSeconds: 4,
  exhaleSeconds: 4,
  holdAfterSeconds: 4,
  cycles: 6,
};
const longerOut: BreathingPacer = {
  inhaleSeconds: 4,
  holdSeconds: 0,
  exhaleSeconds: 6,
  holdAfterSeconds: 0,
  cycles: 10,
};
const fourSevenEight: BreathingPacer = {
  inhaleSeconds: 4,
  holdSeconds: 7,
  exhaleSeconds: 8,
  holdAfterSeconds: 0,
  cycles: 4,
};

function breathing(
  phase: BreathPhase,
  phaseSeconds: number,
  secondsLeft: number,
  cycle: number,
): PacerMoment {
  return { done: false, phase, phaseSeconds, secondsLeft, cycle };
}

describe('pacerAt', () => {
  it.each<[string, BreathingPacer, number, PacerMoment]>([
    ['box: the first breath in starts at its full count', box, 0, breathing('breathe_in', 4, 4, 1)],
    ['box: a part second still counts as that second', box, 0.5, breathing('breathe_in', 4, 4, 1)],
    ['box: the count reaches 1, never 0', box, 3.9, breathing('breathe_in', 4, 1, 1)],
    ['box: the hold follows the breath in', box, 4, breathing('hold', 4, 4, 1)],
    ['box: then the breath out', box, 8, breathing('breathe_out', 4, 4, 1)],
    ['box: then the second hold', box, 12, breathing('hold_after', 4, 4, 1)],
    ['box: the last moment of a round', box, 15.99, breathing('hold_after', 4, 1, 1)],
    ['box: the next round starts again', box, 16, breathing('breathe_in', 4, 4, 2)],
    ['box: the last second of the last round', box, 95.5, breathing('hold_after', 4, 1, 6)],
    ['box: done after every round', box, 96, { done: true, cycle: 6 }],
    ['box: stays done', box, 500, { done: true, cycle: 6 }],
    ['no hold: breathe out comes next', longerOut, 4, breathing('breathe_out', 6, 6, 1)],
    ['no hold: the long breath out', longerOut, 9.5, breathing('breathe_out', 6, 1, 1)],
    ['no hold after: breathe in again', longerOut, 10, breathing('breathe_in', 4, 4, 2)],
    ['4-7-8: the long hold', fourSevenEight, 4, breathing('hold', 7, 7, 1)],
    ['4-7-8: the long breath out', fourSevenEight, 11, breathing('breathe_out', 8, 8, 1)],
    ['4-7-8: round two', fourSevenEight, 19, breathing('breathe_in', 4, 4, 2)],
    ['4-7-8: done', fourSevenEight, 76, { done: true, cycle: 4 }],
  ])('%s', (_name, pacer, elapsed, expected) => {
    expect(pacerAt(pacer, elapsed)).toEqual(expected);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses an elapsed time of %p',
    (elapsed) => {
      expect(() => pacerAt(box, elapsed)).toThrow(RangeError);
    },
  );
});

describe('totalSeconds', () => {
  it.each<[string, BreathingPacer, number]>([
    ['box breathing', box, 96],
    ['a longer breath out', longerOut, 100],
    ['4-7-8 breathing', fourSevenEight, 76],
  ])('adds up every round of %s', (_name, pacer, expected) => {
    expect(totalSeconds(pacer)).toBe(expected);
  });
});

describe('phasesOf', () => {
  it('leaves out phases that last no time', () => {
    expect(phasesOf(longerOut).map(({ phase }) => phase)).toEqual(['breathe_in', 'breathe_out']);
  });

  it.each<[string, BreathingPacer]>([
    ['no rounds', { ...box, cycles: 0 }],
    ['part of a round', { ...box, cycles: 1.5 }],
    ['a negative length', { ...box, holdSeconds: -1 }],
    [
      'rounds with no time in them',
      { inhaleSeconds: 0, holdSeconds: 0, exhaleSeconds: 0, holdAfterSeconds: 0, cycles: 3 },
    ],
  ])('refuses settings with %s', (_name, pacer) => {
    expect(() => phasesOf(pacer)).toThrow(RangeError);
  });
});
