import type { BreathingPacer } from '@ivks/content';

export type BreathPhase = 'breathe_in' | 'hold' | 'breathe_out' | 'hold_after';

/** Where a breathing exercise is after some seconds: the phase and its countdown, or done. */
export type PacerMoment =
  | {
      done: false;
      phase: BreathPhase;
      /** How long this phase lasts in all, which is also how long the circle takes to move. */
      phaseSeconds: number;
      /** Whole seconds still to go, counting down to 1, as a person would count them. */
      secondsLeft: number;
      /** Which round of the exercise this is, starting at 1. */
      cycle: number;
    }
  | { done: true; cycle: number };

interface TimedPhase {
  phase: BreathPhase;
  seconds: number;
}

/** The phases of one round in order, leaving out any that last zero seconds. */
export function phasesOf(pacer: BreathingPacer): [TimedPhase, ...TimedPhase[]] {
  const all: TimedPhase[] = [
    { phase: 'breathe_in', seconds: pacer.inhaleSeconds },
    { phase: 'hold', seconds: pacer.holdSeconds },
    { phase: 'breathe_out', seconds: pacer.exhaleSeconds },
    { phase: 'hold_after', seconds: pacer.holdAfterSeconds },
  ];
  if (all.some(({ seconds }) => !Number.isFinite(seconds) || seconds < 0)) {
    throw new RangeError('Every breathing phase needs a length of zero seconds or more');
  }
  if (!Number.isInteger(pacer.cycles) || pacer.cycles < 1) {
    throw new RangeError('A breathing exercise needs at least one whole round');
  }
  const [first, ...rest] = all.filter(({ seconds }) => seconds > 0);
  if (first === undefined) {
    throw new RangeError('A round of breathing must last longer than zero seconds');
  }

  return [first, ...rest];
}

/** How long the whole exercise takes, in seconds. */
export function totalSeconds(pacer: BreathingPacer): number {
  const round = phasesOf(pacer).reduce((sum, { seconds }) => sum + seconds, 0);

  return round * pacer.cycles;
}

/** Where the exercise is `elapsedSeconds` after it started. */
export function pacerAt(pacer: BreathingPacer, elapsedSeconds: number): PacerMoment {
  if (!Number.isFinite(elapsedSeconds) || elapsedSeconds < 0) {
    throw new RangeError(`Elapsed time must be zero seconds or more, not ${elapsedSeconds}`);
  }
  const phases = phasesOf(pacer);
  const roundSeconds = phases.reduce((sum, { seconds }) => sum + seconds, 0);

  if (elapsedSeconds >= roundSeconds * pacer.cycles) {
    return { done: true, cycle: pacer.cycles };
  }

  const round = Math.floor(elapsedSeconds / roundSeconds);
  const intoRound = elapsedSeconds - round * roundSeconds;

  // The current phase is the last one to have started; a phase starts where the one before ends.
  let current = { ...phases[0], start: 0 };
  let start = 0;
  for (const timed of phases) {
    if (intoRound < start) {
      break;
    }
    current = { ...timed, start };
    start += timed.seconds;
  }

  return {
    done: false,
    phase: current.phase,
    phaseSeconds: current.seconds,
    secondsLeft: Math.max(1, Math.ceil(current.start + current.seconds - intoRound)),
    cycle: round + 1,
  };
}
