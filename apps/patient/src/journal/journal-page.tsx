import type {
  JournalEntryView,
  JournalExport,
  JournalExportFormat,
  JournalShareAllState,
  JournalSharingConsent,
} from '@ivks/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import { DraftStore, type LocalDraft } from './journal-drafts';
import {
  entryState,
  excerpt,
  failureMessage,
  formatDay,
  formatWhen,
  promptTitle,
  saveFile,
  STATE_LABELS,
} from './journal-format';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; entries: JournalEntryView[] };

/** The drafts on this device that the API does not hold in their newest version. */
function unsentDrafts(drafts: LocalDraft[], entries: JournalEntryView[]): LocalDraft[] {
  const byClientId = new Map(entries.map((entry) => [entry.clientId, entry]));

  return drafts.filter((draft) => {
    const entry = byClientId.get(draft.clientId);

    return entry === undefined || Date.parse(entry.updatedAt) < draft.editedAt;
  });
}

function EntryItem({ entry }: { entry: JournalEntryView }) {
  const state = entryState(entry);
  const prompt = promptTitle(entry.promptSlug);

  return (
    <li className="journal-list__item">
      <h3 className="heading-s journal-list__title">
        <Link to={`/journal/entries/${entry.id}`}>{formatWhen(entry.createdAt)}</Link>
      </h3>
      <p className="journal-list__excerpt">{excerpt(entry.text)}</p>
      <ul className="journal-meta">
        <li>
          <strong className={`tag tag--${state}`}>{STATE_LABELS[state]}</strong>
        </li>
        {entry.mood !== null && <li>Mood {entry.mood} of 10</li>}
        {prompt !== null && <li>Prompt: {prompt}</li>}
        {entry.tags.length > 0 && <li>Tags: {entry.tags.join(', ')}</li>}
        <li>
          {entry.replies.length === 1 ? '1 reply' : `${entry.replies.length} replies`} from your
          care team
        </li>
      </ul>
      {state === 'shared' && entry.reads.length > 0 && (
        <ul className="journal-reads">
          {entry.reads.map((read) => (
            <li key={`${read.readerName}:${read.readAt}`}>
              Read by {read.readerName} on {formatDay(read.readAt)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function DiscardDraft({ onDiscard }: { onDiscard: () => void }) {
  const [asking, setAsking] = useState(false);

  if (!asking) {
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        Throw it away
      </button>
    );
  }

  return (
    <span role="group" aria-label="Throw away this draft?">
      Throw it away for good?{' '}
      <button type="button" className="link-button" onClick={onDiscard}>
        Yes, throw it away
      </button>{' '}
      <button type="button" className="link-button" onClick={() => setAsking(false)}>
        Keep it
      </button>
    </span>
  );
}

function ShareAllSetting() {
  const { api } = useSession();
  const [state, setState] = useState<JournalShareAllState | null>(null);
  const [consent, setConsent] = useState<JournalSharingConsent | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    void Promise.all([
      api.request<JournalShareAllState>('/me/journal/share-all'),
      api.request<JournalSharingConsent>('/me/journal/consent'),
    ]).then(
      ([shareAll, wording]) => {
        if (active) {
          setState(shareAll);
          setConsent(wording);
        }
      },
      (error: unknown) => {
        if (active) {
          setProblem(failureMessage(error));
        }
      },
    );

    return () => {
      active = false;
    };
  }, [api]);

  const change = async (enabled: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      setState(
        await api.request<JournalShareAllState>('/me/journal/share-all', {
          method: 'PUT',
          body: { enabled },
        }),
      );
      setAsking(false);
    } catch (error) {
      setProblem(failureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="share-all-heading">
      <h2 id="share-all-heading">Sharing every entry</h2>
      {problem !== null && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
      {state === null && problem === null && <p role="status">Loading…</p>}
      {state?.enabled === true && (
        <>
          <p>
            Your care team can read every entry you save from{' '}
            {state.since === null ? 'now' : formatDay(state.since)} on. Drafts and entries you wrote
            before stay private.
          </p>
          <button
            type="button"
            className="button button--warning"
            disabled={busy}
            onClick={() => void change(false)}
          >
            Stop sharing new entries
          </button>
        </>
      )}
      {state?.enabled === false && !asking && (
        <>
          <p>Your entries are private unless you share them one by one.</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setAsking(true)}
          >
            Share all my entries from now on
          </button>
        </>
      )}
      {state?.enabled === false && asking && consent !== null && (
        <div className="panel" role="group" aria-labelledby="share-all-consent">
          <p id="share-all-consent">{consent.allEntries}</p>
          <p className="hint">Consent wording version {consent.version}.</p>
          <div className="button-group">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void change(true)}
            >
              I agree, share from now on
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setAsking(false)}
            >
              Not now
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

const EXPORTS: Record<JournalExportFormat, { label: string; type: string }> = {
  html: { label: 'Download a document to read or print', type: 'text/html' },
  json: { label: 'Download the data (JSON)', type: 'application/json' },
};

function ExportButtons() {
  const { api } = useSession();
  const [busy, setBusy] = useState<JournalExportFormat | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (format: JournalExportFormat) => {
    setBusy(format);
    setProblem(null);
    try {
      const path = `/me/journal/export?format=${format}`;
      const day = new Date().toISOString().slice(0, 10);
      // The HTML document is not JSON, so the client hands it back as the text it is.
      const content =
        format === 'json'
          ? JSON.stringify(await api.request<JournalExport>(path), null, 2)
          : await api.request<string>(path);
      saveFile(`journal-${day}.${format}`, EXPORTS[format].type, content);
    } catch (error) {
      setProblem(failureMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Keep a copy</h2>
      <p>Download every entry, private ones too, with your care team’s replies.</p>
      {problem !== null && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
      <div className="button-group">
        {(['html', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            disabled={busy !== null}
            onClick={() => void download(format)}
          >
            {busy === format ? 'Preparing…' : EXPORTS[format].label}
          </button>
        ))}
      </div>
    </section>
  );
}

export function JournalPage() {
  const { api, session } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const userId = session.status === 'signed-in' ? session.me.userId : '';
  const store = useMemo(() => new DraftStore(window.localStorage, userId), [userId]);

  usePageTitle('Journal');

  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', entries: await api.request<JournalEntryView[]>('/me/journal') });
    } catch (error) {
      setLoad({ state: 'failed', message: failureMessage(error) });
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const [, setDiscarded] = useState(0);
  const drafts = unsentDrafts(store.list(), load.state === 'ready' ? load.entries : []);
  const discard = (clientId: string) => {
    store.remove(clientId);
    setDiscarded((count) => count + 1);
  };

  return (
    <>
      <h1>Journal</h1>
      <p className="lead">
        A place for your own words. Entries are private unless you choose to share them with your
        care team.
      </p>
      <p>
        <Link className="button" to="/journal/write">
          Write an entry
        </Link>
      </p>

      {drafts.length > 0 && (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">Not finished yet</h2>
          <ul className="journal-list">
            {drafts.map((draft) => (
              <li className="journal-list__item" key={draft.clientId}>
                <Link to={`/journal/write/${draft.clientId}`}>
                  Carry on writing:{' '}
                  {draft.text.trim() === '' ? 'an empty draft' : excerpt(draft.text, 60)}
                </Link>
                <span className="hint"> (kept on this device)</span>{' '}
                <DiscardDraft onDiscard={() => discard(draft.clientId)} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">Your entries</h2>
        {load.state === 'loading' && <p role="status">Loading your journal…</p>}
        {load.state === 'failed' && (
          <p className="error-message" role="alert">
            {load.message}
          </p>
        )}
        {load.state === 'ready' && load.entries.length === 0 && (
          <p>You have not written anything yet.</p>
        )}
        {load.state === 'ready' && load.entries.length > 0 && (
          <ul className="journal-list">
            {load.entries.map((entry) => (
              <EntryItem key={entry.id} entry={entry} />
            ))}
          </ul>
        )}
      </section>

      <ShareAllSetting />
      <ExportButtons />
    </>
  );
}
