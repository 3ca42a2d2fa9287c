import type { Infusion, ReadinessAnswers, ReadinessView } from '@ivks/contracts';
import { DateTime } from 'luxon';
import { useCallback, useEffect, useState } from 'react';
import { SaveStatus } from '../plan/save-status';
import { useTick } from '../plan/ticks-context';
import { failureMessage } from '../plan/use-plan';
import { useSession } from '../session/session-context';
import { relativeDay } from './infusion-time';

/** The answers as a plain record, which is the shape the tick queue stores. */
type Answers = { [Field in keyof ReadinessAnswers]: boolean };

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; answers: Answers };

const QUESTIONS: { field: keyof ReadinessAnswers; label: string }[] = [
  { field: 'rideArranged', label: 'My ride home is arranged' },
  { field: 'instructionsFollowed', label: 'I have followed my clinic’s instructions for today' },
  { field: 'chaperoneBriefed', label: 'The person taking me home knows the plan for the day' },
];

/** Whether the infusion falls on today's date on the patient's own calendar. */
export function isInfusionDay(
  infusion: Infusion,
  timeZone: string,
  now: DateTime = DateTime.now(),
): boolean {
  return relativeDay(infusion.scheduledAt, timeZone, now) === 'today';
}

function ReadinessAnswersForm({ infusionId, loaded }: { infusionId: string; loaded: Answers }) {
  const tick = useTick(`readiness:${infusionId}`, `/me/infusions/${infusionId}/readiness`, loaded);
  const allTicked = QUESTIONS.every(({ field }) => tick.value[field]);

  return (
    <>
      <fieldset className="fieldset">
        <legend className="hint">
          Tick each one that is true. Your clinic will see your answers.
        </legend>
        <ul className="checkboxes">
          {QUESTIONS.map(({ field, label }) => (
            <li className="checkboxes__item" key={field}>
              <input
                className="checkboxes__input"
                id={`readiness-${field}`}
                type="checkbox"
                checked={tick.value[field]}
                onChange={(event) => tick.save({ ...tick.value, [field]: event.target.checked })}
              />
              <label className="checkboxes__label" htmlFor={`readiness-${field}`}>
                {label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {allTicked && tick.state === 'saved' && (
        <p className="readiness-done">You’re all set. Your clinic can see you’re ready.</p>
      )}
      {allTicked && tick.state !== 'saved' && (
        <p className="readiness-done">
          You’re all set. Your clinic will see it as soon as your answers are saved.
        </p>
      )}
      {tick.refused !== null && (
        <p className="tick-refused" role="alert">
          We could not save your answers. {tick.refused}
        </p>
      )}
      <SaveStatus state={tick.state} savedAt={tick.savedAt} />
    </>
  );
}

/** On the day of an infusion, the patient tells the clinic they are ready; other days, nothing. */
export function ReadinessPanel({
  infusion,
  timeZone,
  now,
}: {
  infusion: Infusion;
  timeZone: string;
  now?: DateTime;
}) {
  if (!isInfusionDay(infusion, timeZone, now)) {
    return null;
  }

  return <ReadinessForToday infusionId={infusion.id} />;
}

function ReadinessForToday({ infusionId }: { infusionId: string }) {
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const fetchAnswers = useCallback(
    (): Promise<Load> =>
      api.request<ReadinessView>(`/me/infusions/${infusionId}/readiness`).then(
        ({ rideArranged, instructionsFollowed, chaperoneBriefed }): Load => ({
          state: 'ready',
          answers: { rideArranged, instructionsFollowed, chaperoneBriefed },
        }),
        (error: unknown): Load => ({ state: 'failed', message: failureMessage(error) }),
      ),
    [api, infusionId],
  );

  useEffect(() => {
    let active = true;
    void fetchAnswers().then((result) => {
      if (active) {
        setLoad(result);
      }
    });

    return () => {
      active = false;
    };
  }, [fetchAnswers]);

  return (
    <section className="panel" aria-labelledby="readiness">
      <h2 id="readiness">Are you ready for today?</h2>
      {load.state === 'loading' && <p>Loading your answers…</p>}
      {load.state === 'failed' && (
        <>
          <p>We could not load your answers just now. {load.message}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setLoad({ state: 'loading' });
              void fetchAnswers().then(setLoad);
            }}
          >
            Try again
          </button>
        </>
      )}
      {load.state === 'ready' && (
        <ReadinessAnswersForm infusionId={infusionId} loaded={load.answers} />
      )}
    </section>
  );
}
