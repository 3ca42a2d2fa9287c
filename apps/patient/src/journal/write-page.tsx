import {
  JOURNAL_TAG_MAX_LENGTH,
  JOURNAL_TAGS_MAX,
  JOURNAL_TEXT_MAX_LENGTH,
  type AssignmentGroups,
  type Infusion,
  type JournalEntryView,
  type SavedJournalEntry,
  type SaveJournalEntryRequest,
} from '@ivks/contracts';
import { contentBySlug, contentOfKind } from '@ivks/content';
import { findCrisisSignals } from '@ivks/safety';
import { Lock } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiRequestError } from '../api/api-client';
import { ErrorSummary, type FormError } from '../forms/error-summary';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';
import { CrisisResources } from './crisis-resources';
import { DraftSync, type SyncState } from './draft-sync';
import { DraftStore, parseTags, type LocalDraft } from './journal-drafts';
import { failureMessage, formatWhen } from './journal-format';
import { MoodPicker } from './mood-picker';

/** The field each part of the request is typed into, for the error summary's links. */
const FIELD_IDS: Record<string, string> = {
  text: 'journal-text',
  mood: 'mood',
  tags: 'journal-tags',
  promptSlug: 'journal-prompt',
  infusionId: 'journal-infusion',
};

const TEMPLATES = contentOfKind('journal_template');

/** A prompt named in the address is used only if the portal has it. */
function knownPrompt(slug: string | null): string | null {
  return TEMPLATES.some((item) => item.slug === slug) ? slug : null;
}

interface Content {
  text: string;
  mood: number | null;
  tags: string;
  promptSlug: string | null;
  infusionId: string | null;
}

interface Choices {
  assignedSlugs: string[];
  infusions: Infusion[];
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; entry: JournalEntryView | null; restored: boolean };

const request = (content: Content, status: 'draft' | 'saved'): SaveJournalEntryRequest => ({
  text: content.text,
  mood: content.mood,
  tags: parseTags(content.tags),
  promptSlug: content.promptSlug,
  infusionId: content.infusionId,
  status,
});

const SYNC_LINES: Record<SyncState, string> = {
  idle: '',
  pending: 'Kept on this device.',
  saving: 'Saving your draft…',
  saved: 'Draft saved. Only you can see it.',
  waiting: 'Kept on this device. We could not reach your journal just now; we’ll keep trying.',
  refused:
    'Kept on this device. Your journal would not take this draft as it is; Save entry says why.',
};

/** Problems the app can name before asking the API, in the words the API would use. */
function problemsOf(content: Content): FormError[] {
  const errors: FormError[] = [];
  if (content.text.trim() === '') {
    errors.push({ fieldId: FIELD_IDS.text, message: 'Write something before you save the entry' });
  }
  if (content.text.length > JOURNAL_TEXT_MAX_LENGTH) {
    errors.push({
      fieldId: FIELD_IDS.text,
      message: `Your entry is ${content.text.length} characters; shorten it to ${JOURNAL_TEXT_MAX_LENGTH} or split it into two entries`,
    });
  }
  const tags = parseTags(content.tags);
  if (tags.length > JOURNAL_TAGS_MAX || tags.some((tag) => tag.length > JOURNAL_TAG_MAX_LENGTH)) {
    errors.push({
      fieldId: FIELD_IDS.tags,
      message: `Use at most ${JOURNAL_TAGS_MAX} tags of at most ${JOURNAL_TAG_MAX_LENGTH} characters each`,
    });
  }

  return errors;
}

function apiProblems(error: unknown): FormError[] {
  if (error instanceof ApiRequestError && Object.keys(error.fields).length > 0) {
    return Object.entries(error.fields).flatMap(([field, messages]) =>
      messages.map((message) => ({ fieldId: FIELD_IDS[field], message })),
    );
  }
  if (error instanceof ApiRequestError && error.code === 'network_error') {
    return [
      {
        message:
          'We could not reach your journal. Your words are kept on this device; try saving again when you are back online.',
      },
    ];
  }

  return [{ message: failureMessage(error) }];
}

/** A failure that sending the same draft again cannot mend. */
const isPermanent = (error: unknown) =>
  error instanceof ApiRequestError && [400, 404, 409, 413].includes(error.status);

function useChoices(): Choices {
  const { api } = useSession();
  const [assignedSlugs, setAssignedSlugs] = useState<string[]>([]);
  const [infusions, setInfusions] = useState<Infusion[]>([]);

  useEffect(() => {
    let active = true;
    // Prompts from the plan and infusions to link are extras: without them the page still works.
    void api.request<AssignmentGroups>('/me/assignments').then(
      ({ groups }) => {
        const slugs = groups.flatMap((group) =>
          group.assignments
            .filter((assignment) => assignment.content?.kind === 'journal_template')
            .map((assignment) => assignment.contentSlug),
        );
        if (active) {
          setAssignedSlugs([...new Set(slugs)]);
        }
      },
      () => undefined,
    );
    // The latest first: an entry is most often about the infusion just had.
    void api.request<Infusion[]>('/me/infusions').then(
      (course) => {
        if (active) {
          setInfusions([...course].reverse());
        }
      },
      () => undefined,
    );

    return () => {
      active = false;
    };
  }, [api]);

  return useMemo(() => ({ assignedSlugs, infusions }), [assignedSlugs, infusions]);
}

export function NewEntryRedirect() {
  const [search] = useSearchParams();

  return <Navigate to={`/journal/write/${crypto.randomUUID()}?${search.toString()}`} replace />;
}

export function WritePage() {
  const { clientId = '' } = useParams();
  const [search] = useSearchParams();
  const { api, session } = useSession();
  const navigate = useNavigate();
  const userId = session.status === 'signed-in' ? session.me.userId : '';
  const store = useMemo(() => new DraftStore(window.localStorage, userId), [userId]);
  const choices = useChoices();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [content, setContent] = useState<Content>({
    text: '',
    mood: null,
    tags: '',
    promptSlug: knownPrompt(search.get('prompt')),
    infusionId: search.get('infusion'),
  });
  const [syncState, setSyncState] = useState<SyncState>('idle');
  const [kept, setKept] = useState(true);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [serverSignals, setServerSignals] = useState(0);
  const [saving, setSaving] = useState(false);
  const submitting = useRef(false);

  const savedOnServer = load.state === 'ready' && load.entry?.status === 'saved';
  usePageTitle(savedOnServer ? 'Edit your entry' : 'Write an entry', errors.length > 0);

  const sync = useMemo(
    () =>
      new DraftSync<Content>({
        send: async (draft) => {
          await api.request<SavedJournalEntry>(`/me/journal/${clientId}`, {
            method: 'PUT',
            body: request(draft, 'draft'),
          });
        },
        onState: setSyncState,
        isPermanent,
      }),
    [api, clientId],
  );

  useEffect(() => {
    sync.resume();
    const online = () => sync.flush();
    window.addEventListener('online', online);

    return () => {
      window.removeEventListener('online', online);
      void sync.stop();
    };
  }, [sync]);

  useEffect(() => {
    // Drafts belong to the signed-in user, so wait until the session says who that is.
    if (userId === '') {
      return;
    }
    let active = true;
    void api.request<JournalEntryView[]>('/me/journal').then(
      (entries) => {
        if (!active) {
          return;
        }
        const entry = entries.find((candidate) => candidate.clientId === clientId) ?? null;
        const local = store.read(clientId);
        const localIsNewer =
          local !== null && (entry === null || local.editedAt > Date.parse(entry.updatedAt));
        if (localIsNewer) {
          setContent({
            text: local.text,
            mood: local.mood,
            tags: local.tags.join(', '),
            promptSlug: local.promptSlug,
            infusionId: local.infusionId,
          });
        } else if (entry !== null) {
          setContent({
            text: entry.text,
            mood: entry.mood,
            tags: entry.tags.join(', '),
            promptSlug: entry.promptSlug,
            infusionId: entry.infusionId,
          });
        }
        setLoad({ state: 'ready', entry, restored: localIsNewer });
      },
      (error: unknown) => {
        if (!active) {
          return;
        }
        // Offline: whatever this device kept is still the patient's to carry on with.
        const local = store.read(clientId);
        if (local !== null) {
          setContent({
            text: local.text,
            mood: local.mood,
            tags: local.tags.join(', '),
            promptSlug: local.promptSlug,
            infusionId: local.infusionId,
          });
          setLoad({ state: 'ready', entry: null, restored: true });
        } else {
          setLoad({ state: 'failed', message: failureMessage(error) });
        }
      },
    );

    return () => {
      active = false;
    };
  }, [api, clientId, store, userId]);

  const change = (next: Partial<Content>) => {
    const updated = { ...content, ...next };
    setContent(updated);
    const draft: LocalDraft = {
      clientId,
      text: updated.text,
      mood: updated.mood,
      tags: parseTags(updated.tags),
      promptSlug: updated.promptSlug,
      infusionId: updated.infusionId,
      editedAt: Date.now(),
    };
    setKept(store.write(draft));
    // A saved entry changes only when the patient saves it, so the care team never reads a
    // half-made edit; the device keeps the edit until then.
    if (!savedOnServer && updated.text.trim() !== '') {
      sync.change(updated);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting.current) {
      return;
    }
    const problems = problemsOf(content);
    setErrors(problems);
    if (problems.length > 0) {
      return;
    }
    submitting.current = true;
    setSaving(true);
    await sync.stop();
    try {
      const saved = await api.request<SavedJournalEntry>(`/me/journal/${clientId}`, {
        method: 'PUT',
        body: request(content, 'saved'),
      });
      store.remove(clientId);
      setServerSignals(saved.crisis.signals.length);
      void navigate(`/journal/entries/${saved.id}`, {
        state: { crisis: saved.crisis.signals.length > 0, justSaved: true },
      });
    } catch (error) {
      setErrors(apiProblems(error));
      sync.resume();
      submitting.current = false;
      setSaving(false);
    }
  };

  if (load.state === 'loading') {
    return <p role="status">Loading…</p>;
  }
  if (load.state === 'failed') {
    return (
      <>
        <h1>Write an entry</h1>
        <p className="error-message" role="alert">
          {load.message}
        </p>
        <Link to="/journal">Back to your journal</Link>
      </>
    );
  }

  const template = content.promptSlug === null ? undefined : contentBySlug(content.promptSlug);
  const prompts = template?.kind === 'journal_template' ? template.prompts : [];
  const crisis = findCrisisSignals(content.text).length > 0 || serverSignals > 0;
  const shared = load.entry?.sharing.shared === true;
  const assigned = TEMPLATES.filter((item) => choices.assignedSlugs.includes(item.slug));
  const textError = errors.find((error) => error.fieldId === FIELD_IDS.text)?.message;
  const tagsError = errors.find((error) => error.fieldId === FIELD_IDS.tags)?.message;
  const moodError = errors.find((error) => error.fieldId === FIELD_IDS.mood)?.message;

  return (
    <>
      <Link className="back-link" to="/journal">
        Back to your journal
      </Link>
      <ErrorSummary errors={errors} />
      <h1>{savedOnServer ? 'Edit your entry' : 'Write an entry'}</h1>
      {load.restored && (
        <p className="inset-text" role="status">
          We kept what you were writing on this device, so you can carry on where you left off.
        </p>
      )}
      <p className="journal-lock">
        {shared ? (
          'Your care team can read this entry. Saved changes show to them too.'
        ) : (
          <>
            <Lock className="private-note__icon" aria-hidden="true" size={16} /> Only you can see
            this.
          </>
        )}
      </p>

      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-group">
          <label className="label" htmlFor={FIELD_IDS.promptSlug}>
            Start from a prompt (optional)
          </label>
          <select
            className="input"
            id={FIELD_IDS.promptSlug}
            value={content.promptSlug ?? ''}
            onChange={(event) => change({ promptSlug: event.target.value || null })}
          >
            <option value="">No prompt, just write</option>
            {assigned.length > 0 && (
              <optgroup label="From your plan">
                {assigned.map((item) => (
                  <option key={item.slug} value={item.slug}>
                    {item.title}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label="Journaling prompts">
              {TEMPLATES.filter((item) => !choices.assignedSlugs.includes(item.slug)).map(
                (item) => (
                  <option key={item.slug} value={item.slug}>
                    {item.title}
                  </option>
                ),
              )}
            </optgroup>
          </select>
        </div>
        {prompts.length > 0 && (
          <div className="inset-text" id="journal-prompts">
            <p>Some questions to start with, if they help:</p>
            <ul className="list list--bullet">
              {prompts.map((prompt) => (
                <li key={prompt}>{prompt}</li>
              ))}
            </ul>
          </div>
        )}

        <div className={textError === undefined ? 'form-group' : 'form-group form-group--error'}>
          <label className="label" htmlFor={FIELD_IDS.text}>
            Your words
          </label>
          <div className="hint" id="journal-text-hint">
            Write as much or as little as you like. We keep it on this device as you type.
          </div>
          {textError !== undefined && (
            <p className="error-message" id="journal-text-error">
              <span className="visually-hidden">Error: </span>
              {textError}
            </p>
          )}
          <textarea
            className={textError === undefined ? 'input textarea' : 'input textarea input--error'}
            id={FIELD_IDS.text}
            rows={10}
            value={content.text}
            aria-describedby={
              textError === undefined
                ? `journal-text-hint${prompts.length > 0 ? ' journal-prompts' : ''}`
                : 'journal-text-hint journal-text-error'
            }
            aria-invalid={textError === undefined ? undefined : true}
            onChange={(event) => change({ text: event.target.value })}
          />
          <p className="save-status" aria-live="polite">
            {kept
              ? savedOnServer && syncState === 'idle' && content.text !== load.entry?.text
                ? 'Your changes are kept on this device until you save.'
                : SYNC_LINES[savedOnServer ? 'idle' : syncState]
              : 'This browser would not keep a copy on this device; save soon so nothing is lost.'}
          </p>
        </div>

        {crisis && <CrisisResources />}

        <MoodPicker value={content.mood} onChange={(mood) => change({ mood })} error={moodError} />

        <div className={tagsError === undefined ? 'form-group' : 'form-group form-group--error'}>
          <label className="label" htmlFor={FIELD_IDS.tags}>
            Tags (optional)
          </label>
          <div className="hint" id="journal-tags-hint">
            Words to find this entry by, separated by commas, like calm, family.
          </div>
          {tagsError !== undefined && (
            <p className="error-message" id="journal-tags-error">
              <span className="visually-hidden">Error: </span>
              {tagsError}
            </p>
          )}
          <input
            className={tagsError === undefined ? 'input' : 'input input--error'}
            id={FIELD_IDS.tags}
            value={content.tags}
            aria-describedby={
              tagsError === undefined ? 'journal-tags-hint' : 'journal-tags-hint journal-tags-error'
            }
            aria-invalid={tagsError === undefined ? undefined : true}
            onChange={(event) => change({ tags: event.target.value })}
          />
        </div>

        {choices.infusions.length > 0 && (
          <div className="form-group">
            <label className="label" htmlFor={FIELD_IDS.infusionId}>
              About an infusion (optional)
            </label>
            <select
              className="input"
              id={FIELD_IDS.infusionId}
              value={content.infusionId ?? ''}
              onChange={(event) => change({ infusionId: event.target.value || null })}
            >
              <option value="">Not about one infusion</option>
              {choices.infusions.map((infusion) => (
                <option key={infusion.id} value={infusion.id}>
                  {formatWhen(infusion.scheduledAt)}
                </option>
              ))}
            </select>
          </div>
        )}

        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save entry'}
        </button>
      </form>
    </>
  );
}
