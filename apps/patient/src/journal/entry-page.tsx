import type { JournalEntryView, JournalSharingConsent } from '@ivks/contracts';
import { findCrisisSignals } from '@ivks/safety';
import { Lock } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import { CrisisResources } from './crisis-resources';
import { DraftStore } from './journal-drafts';
import {
  entryState,
  failureMessage,
  formatDay,
  formatWhen,
  promptTitle,
  STATE_LABELS,
} from './journal-format';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; entry: JournalEntryView; consent: JournalSharingConsent | null };

interface ArrivedWith {
  crisis?: boolean;
  justSaved?: boolean;
}

function Sharing({
  entry,
  consent,
  busy,
  onShare,
  onStop,
}: {
  entry: JournalEntryView;
  consent: JournalSharingConsent | null;
  busy: boolean;
  onShare: () => void;
  onStop: () => void;
}) {
  const [asking, setAsking] = useState(false);

  if (entry.status === 'draft') {
    return <p>This is a draft. Save it first if you would like to share it.</p>;
  }
  if (entry.sharing.via === 'all') {
    return (
      <p>
        Your care team can read this entry because you share every entry from{' '}
        {entry.sharing.since === null ? 'then' : formatDay(entry.sharing.since)} on. To stop, turn
        that off on your <Link to="/journal">journal page</Link>.
      </p>
    );
  }
  if (entry.sharing.shared) {
    return (
      <>
        <p>Your care team can read this entry. If you stop sharing, they can no longer open it.</p>
        <button type="button" className="button button--warning" disabled={busy} onClick={onStop}>
          Stop sharing this entry
        </button>
      </>
    );
  }
  if (!asking) {
    return (
      <>
        <p>
          <Lock className="private-note__icon" aria-hidden="true" size={16} /> Only you can see
          this.
        </p>
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          Share with my care team
        </button>
      </>
    );
  }

  return (
    <div className="panel" role="group" aria-labelledby="share-consent">
      <p id="share-consent">{consent?.entry}</p>
      {consent !== null && <p className="hint">Consent wording version {consent.version}.</p>}
      <div className="button-group">
        <button
          type="button"
          className="button"
          disabled={busy || consent === null}
          onClick={onShare}
        >
          I agree, share this entry
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
          Not now
        </button>
      </div>
    </div>
  );
}

export function EntryPage() {
  const { id = '' } = useParams();
  const { api, session } = useSession();
  const navigate = useNavigate();
  const arrived = (useLocation().state ?? {}) as ArrivedWith;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);

  usePageTitle('Journal entry');

  useEffect(() => {
    let active = true;
    void Promise.all([
      api.request<JournalEntryView>(`/me/journal/${id}`),
      api.request<JournalSharingConsent>('/me/journal/consent').catch(() => null),
    ]).then(
      ([entry, consent]) => {
        if (active) {
          setLoad({ state: 'ready', entry, consent });
        }
      },
      (error: unknown) => {
        if (active) {
          setLoad({ state: 'failed', message: failureMessage(error) });
        }
      },
    );

    return () => {
      active = false;
    };
  }, [api, id]);

  useEffect(() => {
    if (confirmingDelete) {
      confirmRef.current?.focus();
    }
  }, [confirmingDelete]);

  if (load.state === 'loading') {
    return <p role="status">Loading…</p>;
  }
  if (load.state === 'failed') {
    return (
      <>
        <h1>Journal entry</h1>
        <p className="error-message" role="alert">
          {load.message}
        </p>
        <Link to="/journal">Back to your journal</Link>
      </>
    );
  }

  const { entry, consent } = load;
  const state = entryState(entry);
  const prompt = promptTitle(entry.promptSlug);

  const act = async (work: () => Promise<JournalEntryView>) => {
    setBusy(true);
    setProblem(null);
    try {
      const updated = await work();
      setLoad({ state: 'ready', entry: updated, consent });
    } catch (error) {
      setProblem(failureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.request<void>(`/me/journal/${entry.id}`, { method: 'DELETE' });
      // A copy kept on this device would otherwise offer the deleted words back.
      if (session.status === 'signed-in') {
        new DraftStore(window.localStorage, session.me.userId).remove(entry.clientId);
      }
      void navigate('/journal', { replace: true });
    } catch (error) {
      setProblem(failureMessage(error));
      setBusy(false);
    }
  };

  return (
    <>
      <Link className="back-link" to="/journal">
        Back to your journal
      </Link>
      {arrived.justSaved === true && (
        <p className="inset-text" role="status">
          Your entry is saved.
        </p>
      )}
      {(arrived.crisis === true || findCrisisSignals(entry.text).length > 0) && <CrisisResources />}
      <h1>{formatWhen(entry.createdAt)}</h1>
      <p>
        <strong className={`tag tag--${state}`}>{STATE_LABELS[state]}</strong>
      </p>
      {prompt !== null && <p className="hint">Prompt: {prompt}</p>}
      <div className="journal-text">
        {entry.text.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <ul className="journal-meta">
        {entry.mood !== null && <li>Mood {entry.mood} of 10</li>}
        {entry.tags.length > 0 && <li>Tags: {entry.tags.join(', ')}</li>}
      </ul>
      <p>
        <Link to={`/journal/write/${entry.clientId}`}>Edit this entry</Link>
      </p>

      {problem !== null && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}

      <section aria-labelledby="sharing-heading">
        <h2 id="sharing-heading">Sharing</h2>
        <Sharing
          entry={entry}
          consent={consent}
          busy={busy}
          onShare={() =>
            void act(() =>
              api.request<JournalEntryView>(`/me/journal/${entry.id}/share`, { method: 'POST' }),
            )
          }
          onStop={() =>
            void act(() =>
              api.request<JournalEntryView>(`/me/journal/${entry.id}/share`, { method: 'DELETE' }),
            )
          }
        />
        {entry.reads.length > 0 && (
          <ul className="journal-reads">
            {entry.reads.map((read) => (
              <li key={`${read.readerName}:${read.readAt}`}>
                Read by {read.readerName} on {formatDay(read.readAt)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">Replies from your care team</h2>
        {entry.replies.length === 0 ? (
          <p>No replies yet.</p>
        ) : (
          <ul className="journal-replies">
            {entry.replies.map((reply) => (
              <li key={reply.id} className="journal-replies__item">
                <p className="hint">
                  {reply.authorName}, {formatWhen(reply.createdAt)}
                </p>
                <p>{reply.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        {confirmingDelete ? (
          <div
            className="panel"
            role="alertdialog"
            aria-labelledby="delete-question"
            ref={confirmRef}
            tabIndex={-1}
          >
            <p id="delete-question">
              Delete this entry? It will be gone for you and your care team, and you cannot get it
              back.
            </p>
            <div className="button-group">
              <button
                type="button"
                className="button button--warning"
                disabled={busy}
                onClick={() => void remove()}
              >
                Yes, delete it
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirmingDelete(false)}
              >
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button--warning"
            onClick={() => setConfirmingDelete(true)}
          >
            Delete this entry
          </button>
        )}
      </section>
    </>
  );
}
