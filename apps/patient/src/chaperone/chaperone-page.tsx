import type { ChaperoneView } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import { formatInfusionTime } from '../today/infusion-time';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; view: ChaperoneView };

/** What someone who drives the patient home sees: the day's logistics and tips, nothing more. */
export function ChaperonePage() {
  const { token = '' } = useParams();
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  usePageTitle('Helping on the day', false);

  useEffect(() => {
    let active = true;
    void api
      .requestWithoutSession<ChaperoneView>(`/chaperone/${encodeURIComponent(token)}`)
      .then(
        (view): Load => ({ state: 'ready', view }),
        (error: unknown): Load => ({
          state: 'failed',
          message:
            error instanceof ApiRequestError
              ? error.message
              : 'Something went wrong. Please try again later.',
        }),
      )
      .then((result) => {
        if (active) {
          setLoad(result);
        }
      });

    return () => {
      active = false;
    };
  }, [api, token]);

  if (load.state === 'loading') {
    return <p role="status">Loading…</p>;
  }
  if (load.state === 'failed') {
    return (
      <>
        <h1>Helping on the day</h1>
        <div className="notification" role="alert">
          <p>{load.message}</p>
        </div>
      </>
    );
  }

  const { view } = load;

  return (
    <>
      <h1>Helping {view.patientGivenName} on the day</h1>
      <p className="lead">
        Thank you for taking {view.patientGivenName} to {view.clinic.name} and home again.
      </p>

      <section className="panel" aria-labelledby="when">
        <h2 id="when">When to be there</h2>
        {view.visits.length === 0 ? (
          <p>There is no visit planned at the moment. {view.patientGivenName} will tell you.</p>
        ) : (
          <ul className="list">
            {view.visits.map((visit) => (
              <li key={visit.startsAt}>
                Starts{' '}
                <time dateTime={visit.startsAt}>
                  {formatInfusionTime(visit.startsAt, view.timeZone)}
                </time>
                . Be there to collect {view.patientGivenName} by{' '}
                <time dateTime={visit.endsAt}>
                  {formatInfusionTime(visit.endsAt, view.timeZone)}
                </time>
                , unless the clinic tells you another time.
              </li>
            ))}
          </ul>
        )}
        {view.clinic.phone !== null && (
          <p>
            The clinic&apos;s phone:{' '}
            <a href={`tel:${view.clinic.phone.replaceAll(' ', '')}`}>{view.clinic.phone}</a>
          </p>
        )}
      </section>

      {view.tips.map((group) => (
        <section key={group.title} aria-labelledby={`tips-${group.title}`}>
          <h2 id={`tips-${group.title}`}>{group.title}</h2>
          <ul className="list list--bullet">
            {group.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
