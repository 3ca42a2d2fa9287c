import { DateTime } from 'luxon';
import type { TickState } from './ticks-context';

export const NOT_SAVED_YET = 'Not saved yet — we’ll keep trying.';

/**
 * One quiet line that says whether the patient's ticks are safe. It stays on the page even when
 * empty, so a screen reader hears each change without being interrupted.
 */
export function SaveStatus({ state, savedAt }: { state: TickState; savedAt: number | null }) {
  const text =
    state === 'waiting'
      ? NOT_SAVED_YET
      : state === 'saving'
        ? 'Saving…'
        : savedAt === null
          ? ''
          : `Saved at ${DateTime.fromMillis(savedAt).setLocale('en-GB').toFormat('h:mm a').toLowerCase()}.`;

  return (
    <p className="save-status" aria-live="polite">
      {text}
    </p>
  );
}
