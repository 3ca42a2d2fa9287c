import type { ClinicSettings, Role } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Button,
  Form,
  TextInput,
  Title,
  required,
  useDataProvider,
  useNotify,
  usePermissions,
} from 'react-admin';
import { timeZoneChoices } from '../onboarding/sign-up-form';
import { fieldErrorsOf, messageOf } from '../staff/form-errors';
import type { StaffDataProvider } from '../staff/staff-methods';
import { settingsChanges, type SettingsValues } from './settings-changes';

export const CLINIC_SETTINGS_PATH = '/clinic-settings';

const ZONES = timeZoneChoices();

/** The clinic's name, clock, phone and second-factor rule; owners and admins change them. */
export function ClinicSettingsPage() {
  const dataProvider = useDataProvider<StaffDataProvider>();
  const notify = useNotify();
  const { permissions } = usePermissions<Role>();
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const editable = permissions === 'owner' || permissions === 'admin';

  useEffect(() => {
    let current = true;
    void dataProvider.clinicSettings().then(
      (found) => current && setSettings(found),
      (error: unknown) =>
        notify(messageOf(error, 'The clinic’s settings could not be loaded.'), { type: 'error' }),
    );

    return () => {
      current = false;
    };
  }, [dataProvider, notify]);

  if (settings === null) {
    return <p style={{ padding: '1rem' }}>Loading…</p>;
  }

  const save = async (values: SettingsValues) => {
    const changes = settingsChanges(settings, values);
    if (Object.keys(changes).length === 0) {
      notify('Nothing to save: the settings are as they were.', { type: 'info' });

      return undefined;
    }
    try {
      setSettings(await dataProvider.updateClinicSettings(changes));
      notify('The clinic’s settings are saved.', { type: 'success' });

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) {
        notify(messageOf(error, 'The settings could not be saved.'), { type: 'error' });
      }

      return fields ?? undefined;
    }
  };

  return (
    <div style={{ padding: '1rem', maxWidth: 560 }}>
      <Title title="Clinic settings" />
      <h2>Clinic settings</h2>
      {editable ? null : <p>Only the clinic’s owners and admins can change these.</p>}
      <Form key={settings.createdAt} onSubmit={save} defaultValues={settings} noValidate>
        <TextInput
          source="name"
          label="Clinic name"
          validate={required('Enter the clinic’s name')}
          disabled={!editable}
          fullWidth
        />
        <AutocompleteInput
          source="timeZone"
          label="Time zone"
          choices={ZONES}
          disabled={!editable}
          fullWidth
        />
        <TextInput source="phone" label="Phone" type="tel" disabled={!editable} fullWidth />
        <BooleanInput
          source="mfaRequired"
          label="Every staff member signs in with a second step (an authenticator app)"
          disabled={!editable}
        />
        {editable ? <Button type="submit" variant="contained" label="Save" /> : null}
      </Form>
    </div>
  );
}
