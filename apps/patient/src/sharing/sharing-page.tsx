import type { CreatedPatientLink, PatientLinkPurpose, PatientLinkView } from '@ivks/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-client';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import { shareUrl, subscribeUrl } from './share-links';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; links: PatientLinkView[] };

const ABOUT: Record<PatientLinkPurpose, { title: string; intro: string; make: string }> = {
  calendar: {
    title: 'Your appointments in your calendar',
    intro:
      'Add your infusion times to the calendar on your phone or computer. Each one shows only as ' +
      '"Appointment", so nobody glancing at your screen can tell what it is for.',
    make: 'Make a calendar link',
  },
  chaperone: {
    title: 'A page for the person taking you home',
    intro:
      'Share a page with your chaperone. It shows your first name, your clinic, when to be there ' +
      'and tips for the day. It shows nothing about your health.',
    make: 'Make a chaperone link',
  },
};

function message(error: unknown): string {
  return error instanceof ApiRequestError
    ? error.message
    : 'Something went wrong. Please try again.';
}

function NewLink({ link }: { link: CreatedPatientLink }) {
  const url = shareUrl(link.purpose, link.token, window.location.origin);
  const [copied, setCopied] = useState(false);

  return (
    <div className="panel" role="status">
      <p>
        Here is your link. Keep it somewhere safe: for your privacy we show it only now. You can
        always make a new one.
      </p>
      <p className="share-url">
        <code>{url}</code>
      </p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          Copy the link
        </button>
        {copied && <span className="hint"> Copied.</span>}
      </p>
      {link.purpose === 'calendar' && (
        <p>
          On a phone, you can also <a href={subscribeUrl(url)}>add it to your calendar</a>.
        </p>
      )}
    </div>
  );
}

function LinkSection({
  purpose,
  live,
  created,
  onMake,
  onStop,
}: {
  purpose: PatientLinkPurpose;
  live: PatientLinkView | undefined;
  created: CreatedPatientLink | undefined;
  onMake: () => void;
  onStop: (link: PatientLinkView) => void;
}) {
  const about = ABOUT[purpose];

  return (
    <section aria-labelledby={`${purpose}-heading`}>
      <h2 id={`${purpose}-heading`}>{about.title}</h2>
      <p>{about.intro}</p>
      {created && <NewLink link={created} />}
      {live && !created && (
        <p>
          You made a link on{' '}
          {new Date(live.createdAt).toLocaleDateString(undefined, { dateStyle: 'long' })}. It still
          works.
        </p>
      )}
      <p className="button-group">
        <button type="button" className="button" onClick={onMake}>
          {live ? `${about.make} (the old one will stop working)` : about.make}
        </button>
        {live && (
          <button type="button" className="button button--warning" onClick={() => onStop(live)}>
            Stop this link
          </button>
        )}
      </p>
    </section>
  );
}

export function SharingPage() {
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [created, setCreated] = useState<Partial<Record<PatientLinkPurpose, CreatedPatientLink>>>(
    {},
  );
  const [problem, setProblem] = useState<string | null>(null);

  usePageTitle('Sharing', false);

  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', links: await api.request<PatientLinkView[]>('/me/links') });
    } catch (error) {
      setLoad({ state: 'failed', message: message(error) });
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const make = async (purpose: PatientLinkPurpose) => {
    setProblem(null);
    try {
      const link = await api.request<CreatedPatientLink>('/me/links', {
        method: 'POST',
        body: { purpose },
      });
      setCreated((current) => ({ ...current, [purpose]: link }));
      await reload();
    } catch (error) {
      setProblem(message(error));
    }
  };

  const stop = async (link: PatientLinkView) => {
    setProblem(null);
    try {
      await api.request<void>(`/me/links/${link.id}`, { method: 'DELETE' });
      setCreated((current) => ({ ...current, [link.purpose]: undefined }));
      await reload();
    } catch (error) {
      setProblem(message(error));
    }
  };

  return (
    <>
      <h1>Sharing</h1>
      <p className="lead">
        Links you can give to your calendar or to the person who takes you home.
      </p>
      {problem && (
        <div className="notification" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {load.state === 'loading' && <p role="status">Loading your links…</p>}
      {load.state === 'failed' && (
        <div className="notification" role="alert">
          <p>We could not load your links. {load.message}</p>
        </div>
      )}
      {load.state === 'ready' &&
        (['calendar', 'chaperone'] as const).map((purpose) => (
          <LinkSection
            key={purpose}
            purpose={purpose}
            live={load.links.find((link) => link.purpose === purpose)}
            created={created[purpose]}
            onMake={() => void make(purpose)}
            onStop={(link) => void stop(link)}
          />
        ))}
    </>
  );
}
