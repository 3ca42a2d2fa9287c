import { JOURNAL_REPLY_MAX_LENGTH, type SharedJournalEntry } from '@ivks/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { HttpError, Link, Title, useDataProvider } from 'react-admin';
import { useParams } from 'react-router-dom';
import type { CareDataProvider } from '../data/data-provider';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';
import { CrisisFlag } from './crisis-flag';
import { SHARED_JOURNAL_PATH } from './journal-paths';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; entry: SharedJournalEntry };

const NOT_SHARED =
  'This entry is not shared with you. The patient may have stopped sharing it, or you are not on their care team.';

function messageOf(error: unknown, fallback: string): string {
  if (error instanceof HttpError && error.status === 404) {
    return NOT_SHARED;
  }

  return error instanceof Error ? error.message : fallback;
}

/** One shared entry. Opening it records the read, which the patient sees with the reader's name. */
export function SharedEntryPage() {
  const { id = '' } = useParams();
  const dataProvider = useDataProvider<CareDataProvider>();
  const timeZone = useClinicTimeZone();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    dataProvider.readJournalEntry(id).then(
      (entry) => {
        if (current) {
          setLoad({ state: 'ready', entry });
        }
      },
      (error: unknown) => {
        if (current) {
          setLoad({ state: 'failed', message: messageOf(error, 'The entry could not be loaded.') });
        }
      },
    );

    return () => {
      current = false;
    };
  }, [dataProvider, id]);

  if (load.state === 'loading' || timeZone === undefined) {
    return <p style={{ padding: '1rem' }}>Loading…</p>;
  }
  if (load.state === 'failed') {
    return (
      <div style={{ padding: '1rem' }}>
        <Title title="Shared journal" />
        <h1 style={{ fontSize: '1.5rem' }}>Journal entry</h1>
        <p role="alert">{load.message}</p>
        <Link to={SHARED_JOURNAL_PATH}>Back to the shared journal</Link>
      </div>
    );
  }
  const { entry } = load;

  const sendReply = async (event: FormEvent) => {
    event.preventDefault();
    const text = reply.trim();
    if (text === '') {
      setReplyError('Write a reply before you send it.');

      return;
    }
    if (text.length > JOURNAL_REPLY_MAX_LENGTH) {
      setReplyError(`A reply may be at most ${JOURNAL_REPLY_MAX_LENGTH} characters.`);

      return;
    }
    setBusy(true);
    setReplyError(null);
    try {
      const sent = await dataProvider.replyToJournalEntry(entry.id, text);
      setLoad({ state: 'ready', entry: { ...entry, replies: [...entry.replies, sent] } });
      setReply('');
    } catch (error) {
      setReplyError(messageOf(error, 'The reply could not be sent.'));
    } finally {
      setBusy(false);
    }
  };

  const markReviewed = async (reviewed: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const summary = await dataProvider.markJournalEntryReviewed(entry.id, reviewed);
      setLoad({ state: 'ready', entry: { ...entry, ...summary } });
    } catch (error) {
      setProblem(messageOf(error, 'The review could not be saved.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ padding: '1rem', maxWidth: '48rem' }}>
      <Title title="Shared journal" />
      <p>
        <Link to={SHARED_JOURNAL_PATH}>Back to the shared journal</Link>
      </p>
      <h1 style={{ fontSize: '1.5rem' }}>
        {entry.patientName}, {formatInZone(entry.createdAt, timeZone)}
      </h1>
      <CrisisFlag
        themes={entry.crisisThemes}
        patientName={entry.patientName}
        patientPhone={entry.patientPhone}
      />
      <p>
        <Link to={`/patients/${encodeURIComponent(entry.patientId)}/show`}>
          Open {entry.patientName}’s record
        </Link>
      </p>
      <dl>
        <dt>Mood</dt>
        <dd>{entry.mood === null ? 'Not given' : `${entry.mood} of 10`}</dd>
        <dt>Tags</dt>
        <dd>{entry.tags.length === 0 ? 'None' : entry.tags.join(', ')}</dd>
      </dl>
      <div
        data-testid="journal-text"
        style={{
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          borderLeft: '4px solid #ccc',
          paddingLeft: '1rem',
        }}
      >
        {entry.text}
      </div>

      <section aria-labelledby="review-heading">
        <h2 id="review-heading" style={{ fontSize: '1.25rem' }}>
          Review
        </h2>
        {problem !== null && <p role="alert">{problem}</p>}
        {entry.reviewedAt === null ? (
          <button type="button" disabled={busy} onClick={() => void markReviewed(true)}>
            Mark reviewed
          </button>
        ) : (
          <p>
            Reviewed {formatInZone(entry.reviewedAt, timeZone)}.{' '}
            <button type="button" disabled={busy} onClick={() => void markReviewed(false)}>
              Mark not reviewed
            </button>
          </p>
        )}
      </section>

      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading" style={{ fontSize: '1.25rem' }}>
          Replies
        </h2>
        {entry.replies.length === 0 ? (
          <p>No replies yet.</p>
        ) : (
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {entry.replies.map((sent) => (
              <li key={sent.id} style={{ marginBottom: '0.75rem' }}>
                <div style={{ color: '#555' }}>
                  {sent.authorName}, {formatInZone(sent.createdAt, timeZone)}
                </div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{sent.text}</div>
              </li>
            ))}
          </ul>
        )}
        <form noValidate onSubmit={(event) => void sendReply(event)}>
          <label htmlFor="journal-reply" style={{ display: 'block', fontWeight: 600 }}>
            Reply to {entry.patientName}
          </label>
          <p id="journal-reply-hint" style={{ color: '#555', margin: '0.25rem 0' }}>
            The patient sees your reply and your name under their entry.
          </p>
          {replyError !== null && (
            <p id="journal-reply-error" role="alert" style={{ color: '#b3261e' }}>
              {replyError}
            </p>
          )}
          <textarea
            id="journal-reply"
            rows={4}
            style={{ width: '100%' }}
            value={reply}
            aria-describedby={
              replyError === null ? 'journal-reply-hint' : 'journal-reply-hint journal-reply-error'
            }
            aria-invalid={replyError === null ? undefined : true}
            onChange={(event) => setReply(event.target.value)}
          />
          <button type="submit" disabled={busy}>
            Send reply
          </button>
        </form>
      </section>
    </div>
  );
}
