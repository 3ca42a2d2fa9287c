import type { BreathingPacer as PacerSettings } from '@ivks/content';
import { useEffect, useState, type CSSProperties } from 'react';
import { useReducedMotion } from '../layout/use-reduced-motion';
import { pacerAt, phasesOf, totalSeconds, type BreathPhase } from './pacer';

type Run =
  | { status: 'ready' }
  | { status: 'running'; startedAt: number; elapsedSeconds: number }
  | { status: 'stopped' }
  | { status: 'done' };

/** Often enough that the count changes close to each whole second. */
const TICK_MS = 250;

const CUES: Record<BreathPhase, string> = {
  breathe_in: 'Breathe in…',
  hold: 'Hold…',
  breathe_out: 'Breathe out…',
  hold_after: 'Hold…',
};

const PATTERN_WORDS: Record<BreathPhase, string> = {
  breathe_in: 'breathe in',
  hold: 'hold',
  breathe_out: 'breathe out',
  hold_after: 'hold',
};

function patternOf(pacer: PacerSettings): string {
  const steps = phasesOf(pacer)
    .map(({ phase, seconds }) => `${PATTERN_WORDS[phase]} for ${seconds}`)
    .join(', ');

  return `${steps.charAt(0).toUpperCase()}${steps.slice(1)}.`;
}

/**
 * Paces a breathing exercise with a counted cue and, unless the device asks for less motion, a
 * circle that grows on the breath in and shrinks on the breath out. It starts only when asked.
 */
export function BreathingPacer({ pacer }: { pacer: PacerSettings }) {
  const reducedMotion = useReducedMotion();
  const [run, setRun] = useState<Run>({ status: 'ready' });
  const startedAt = run.status === 'running' ? run.startedAt : null;
  const total = totalSeconds(pacer);

  useEffect(() => {
    if (startedAt === null) {
      return;
    }
    // Time comes from the clock, not from counting ticks, so a slowed background tab stays in step.
    const timer = setInterval(() => {
      const elapsedSeconds = (performance.now() - startedAt) / 1000;
      setRun(
        elapsedSeconds >= total
          ? { status: 'done' }
          : { status: 'running', startedAt, elapsedSeconds },
      );
    }, TICK_MS);

    return () => clearInterval(timer);
  }, [startedAt, total]);

  const moment = run.status === 'running' ? pacerAt(pacer, run.elapsedSeconds) : null;
  const breathing = moment !== null && !moment.done ? moment : null;
  const rounds = pacer.cycles === 1 ? '1 round' : `${pacer.cycles} rounds`;

  // Only these words are announced, and they change with the phase rather than every second.
  const announcement =
    breathing !== null
      ? CUES[breathing.phase]
      : run.status === 'done'
        ? `Well done. You finished all ${rounds}.`
        : run.status === 'stopped'
          ? 'Stopped. You can start again whenever you like.'
          : 'When you are ready, press Start.';

  const full = breathing?.phase === 'breathe_in' || breathing?.phase === 'hold';
  const circleStyle: CSSProperties | undefined =
    breathing === null ? undefined : { transitionDuration: `${breathing.phaseSeconds}s` };

  return (
    <section className="pacer" aria-labelledby="pacer-title">
      <h2 id="pacer-title">Breathe along</h2>
      <p>
        {patternOf(pacer)} Each number is one second, and there are {rounds}.
      </p>
      <p>Stop whenever you like. If you feel dizzy, stop and breathe normally.</p>

      {!reducedMotion && (
        <div className="pacer__stage" aria-hidden="true">
          <div
            className={full ? 'pacer__circle pacer__circle--full' : 'pacer__circle'}
            style={circleStyle}
          />
        </div>
      )}

      <p className="pacer__cue">
        <span aria-live="polite">{announcement}</span>
        {breathing !== null && <span aria-hidden="true"> {breathing.secondsLeft}</span>}
      </p>
      {breathing !== null && (
        <p className="pacer__round">
          Round {breathing.cycle} of {pacer.cycles}
        </p>
      )}

      <button
        type="button"
        className="button"
        onClick={() =>
          setRun(
            run.status === 'running'
              ? { status: 'stopped' }
              : { status: 'running', startedAt: performance.now(), elapsedSeconds: 0 },
          )
        }
      >
        {run.status === 'running' ? 'Stop' : run.status === 'ready' ? 'Start' : 'Start again'}
      </button>
    </section>
  );
}
