import type { TodayView } from '@ivks/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { usePageTitle } from '../layout/use-page-title';
import { CALM_NOW_SLUG } from '../library/library-source';
import { useSession } from '../session/session-context';
import { DueNext } from './due-next';
import { formatInfusionTime, relativeDay } from './infusion-time';
import { ReadinessPanel } from './readiness-panel';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; today: TodayView };

function NextInfusion({ today }: { today: TodayView }) {
  const { nextInfusion, patient } = today;

  if (nextInfusion === null) {
    return (
      <p>You have no infusion booked at the moment. Your clinic will let you know the next date.</p>
    );
  }
  const when = relativeDay(nextInfusion.scheduledAt, patient.timeZone);

  return (
    <>
      <p className="panel-time">
        <time dateTime={nextInfusion.scheduledAt}>
          {formatInfusionTime(nextInfusion.scheduledAt, patient.timeZone)}
        </time>
      </p>
      {when !== null && <p>That is {when}.</p>}
      <p>It is planned to last about {nextInfusion.durationMinutes} minutes.</p>
    </>
  );
}

/** Shown whether or not the day loads: a hard moment should not wait for the network. */
function CalmNow() {
  return (
    <p className="calm-now">
      <Link className="calm-now__link" to={`/library/${CALM_NOW_SLUG}`}>
        Calm now
      </Link>{' '}
      – a short breathing exercise you can do anywhere.
    </p>
  );
}

function CourseProgress({ completed, total }: { completed: number; total: number }) {
  if (total === 0) {
    return <p>Your clinic has not planned your course yet.</p>;
  }
  const label =
    completed >= total
      ? `You have had all ${total} infusions in your course.`
      : `You have had ${completed} of ${total} infusions.`;

  return (
    <>
      <p id="course-progress-label">{label}</p>
      <progress
        className="progress"
        max={total}
        value={Math.min(completed, total)}
        aria-labelledby="course-progress-label"
      />
    </>
  );
}

export function TodayPage() {
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  usePageTitle('Today', false);

  const fetchToday = useCallback(async (): Promise<Load> => {
    try {
      return { state: 'ready', today: await api.request<TodayView>('/today') };
    } catch (error) {
      return {
        state: 'failed',
        message:
          error instanceof ApiRequestError
            ? error.message
            : 'Something went wrong. Please try again.',
      };
    }
  }, [api]);

  useEffect(() => {
    let active = true;
    void fetchToday().then((result) => {
      if (active) {
        setLoad(result);
      }
    });

    return () => {
      active = false;
    };
  }, [fetchToday]);

  if (load.state === 'loading') {
    return (
      <>
        <h1>Today</h1>
        <p role="status">Loading your day…</p>
      </>
    );
  }

  if (load.state === 'failed') {
    return (
      <>
        <h1>Today</h1>
        <div className="notification" role="alert">
          <p>We could not load your day. {load.message}</p>
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setLoad({ state: 'loading' });
            void fetchToday().then(setLoad);
          }}
        >
          Try again
        </button>
        <CalmNow />
      </>
    );
  }

  const { today } = load;

  return (
    <>
      <span className="caption">{today.clinic.name}</span>
      <h1>Today</h1>
      <p className="lead">
        Hello, {today.patient.givenName} {today.patient.familyName}.
      </p>
      <CalmNow />

      <section className="panel" aria-labelledby="next-infusion">
        <h2 id="next-infusion">Your next infusion</h2>
        <NextInfusion today={today} />
      </section>

      {today.nextInfusion !== null && (
        <ReadinessPanel infusion={today.nextInfusion} timeZone={today.patient.timeZone} />
      )}

      <DueNext timeZone={today.patient.timeZone} />

      <section aria-labelledby="course">
        <h2 id="course">Your course</h2>
        <CourseProgress completed={today.completedInfusions} total={today.totalInfusions} />
      </section>

      <section aria-labelledby="your-clinic">
        <h2 id="your-clinic">Your clinic</h2>
        <p>
          {today.clinic.name}
          {today.clinic.phone !== null && (
            <>
              {' '}
              – <a href={`tel:${today.clinic.phone.replaceAll(' ', '')}`}>{today.clinic.phone}</a>
            </>
          )}
        </p>
        <p>Follow your clinic&apos;s own instructions for before and after each infusion.</p>
      </section>

      <section aria-labelledby="support">
        <h2 id="support">Support for your course</h2>
        <ul className="list list--bullet">
          <li>
            <Link to="/library">Library</Link>: guides, calming exercises, journal prompts and
            checklists
          </li>
          <li>
            <Link to="/music">Music</Link> for before, during and after an infusion
          </li>
        </ul>
      </section>
    </>
  );
}
