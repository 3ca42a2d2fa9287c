import type { NotificationPreferences } from '@ivks/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiRequestError } from '../api/api-client';
import { ErrorSummary, type FormError } from '../forms/error-summary';
import { TextField } from '../forms/text-field';
import { usePageTitle } from '../layout/use-page-title';
import { useSession } from '../session/session-context';

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; preferences: NotificationPreferences };

const FIELD_IDS: Record<keyof NotificationPreferences, string> = {
  emailEnabled: 'email-enabled',
  inAppEnabled: 'in-app-enabled',
  quietHoursStart: 'quiet-hours-start',
  quietHoursEnd: 'quiet-hours-end',
};

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Problems the form can see before it asks the API; the API checks the same again. */
export function preferenceErrors(preferences: NotificationPreferences): FormError[] {
  const errors: FormError[] = [];
  if (!LOCAL_TIME.test(preferences.quietHoursStart)) {
    errors.push({
      fieldId: FIELD_IDS.quietHoursStart,
      message: 'Enter the start of quiet hours as a time, such as 21:00',
    });
  }
  if (!LOCAL_TIME.test(preferences.quietHoursEnd)) {
    errors.push({
      fieldId: FIELD_IDS.quietHoursEnd,
      message: 'Enter the end of quiet hours as a time, such as 08:00',
    });
  }

  return errors;
}

function apiErrors(error: unknown): FormError[] {
  if (!(error instanceof ApiRequestError)) {
    return [{ message: 'Something went wrong. Please try again.' }];
  }
  const fields = Object.entries(error.fields).flatMap(([field, messages]) =>
    messages.map((message) => ({
      fieldId: FIELD_IDS[field as keyof NotificationPreferences],
      message,
    })),
  );

  return fields.length > 0 ? fields : [{ message: error.message }];
}

/** How and when the portal contacts the patient: the channels, and quiet hours in their zone. */
export function NotificationSettingsPage() {
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState(false);
  usePageTitle('Notification settings', errors.length > 0);

  useEffect(() => {
    let current = true;
    api
      .request<NotificationPreferences>('/me/notification-preferences')
      .then((preferences) => current && setLoad({ state: 'ready', preferences }))
      .catch((error: unknown) => {
        if (current) {
          setLoad({
            state: 'failed',
            message: apiErrors(error)[0]?.message ?? 'Something went wrong.',
          });
        }
      });

    return () => {
      current = false;
    };
  }, [api]);

  if (load.state !== 'ready') {
    return (
      <>
        <h1 className="heading-l">Notification settings</h1>
        {load.state === 'loading' ? (
          <p role="status">Loading…</p>
        ) : (
          <p className="error-message" role="alert">
            {load.message}
          </p>
        )}
      </>
    );
  }

  const { preferences } = load;
  const change = (next: Partial<NotificationPreferences>) => {
    setSaved(false);
    setLoad({ state: 'ready', preferences: { ...preferences, ...next } });
  };
  const errorFor = (field: keyof NotificationPreferences) =>
    errors.find((error) => error.fieldId === FIELD_IDS[field])?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = preferenceErrors(preferences);
    setErrors(problems);
    if (problems.length > 0) {
      return;
    }
    api
      .request<NotificationPreferences>('/me/notification-preferences', {
        method: 'PUT',
        body: preferences,
      })
      .then((stored) => {
        setLoad({ state: 'ready', preferences: stored });
        setSaved(true);
      })
      .catch((error: unknown) => setErrors(apiErrors(error)));
  };

  return (
    <>
      <h1 className="heading-l">Notification settings</h1>
      <ErrorSummary errors={errors} />
      {saved && (
        <p className="panel" role="status">
          Your settings are saved.
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <fieldset className="fieldset">
          <legend className="heading-m">How we tell you something is waiting</legend>
          <div className="checkbox">
            <input
              id={FIELD_IDS.inAppEnabled}
              type="checkbox"
              checked={preferences.inAppEnabled}
              onChange={(event) => change({ inAppEnabled: event.target.checked })}
            />
            <label htmlFor={FIELD_IDS.inAppEnabled}>In this app, under the bell</label>
          </div>
          <div className="checkbox">
            <input
              id={FIELD_IDS.emailEnabled}
              type="checkbox"
              checked={preferences.emailEnabled}
              onChange={(event) => change({ emailEnabled: event.target.checked })}
            />
            <label htmlFor={FIELD_IDS.emailEnabled}>
              By email. The email only says that something is waiting here, never what.
            </label>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="heading-m">Quiet hours</legend>
          <p className="hint">
            We hold reminders during these hours, in your own time zone, and send them when the
            hours end. Make both times the same to have no quiet hours.
          </p>
          <TextField
            id={FIELD_IDS.quietHoursStart}
            label="From"
            type="time"
            value={preferences.quietHoursStart}
            error={errorFor('quietHoursStart')}
            onChange={(event) => change({ quietHoursStart: event.target.value })}
          />
          <TextField
            id={FIELD_IDS.quietHoursEnd}
            label="Until"
            type="time"
            value={preferences.quietHoursEnd}
            error={errorFor('quietHoursEnd')}
            onChange={(event) => change({ quietHoursEnd: event.target.value })}
          />
        </fieldset>
        <button type="submit" className="button">
          Save settings
        </button>
      </form>
    </>
  );
}
