import { Create, SimpleForm, TextInput, AutocompleteInput, email, required } from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { CareTeamInput } from './care-team-input';

const timeZoneChoices = Intl.supportedValuesOf('timeZone').map((zone) => ({
  id: zone,
  name: zone.replaceAll('_', ' '),
}));

export function PatientCreate() {
  const clinicTimeZone = useClinicTimeZone();

  return (
    <Create title="Enrol a patient" redirect="show">
      <SimpleForm defaultValues={{ timeZone: clinicTimeZone ?? '' }}>
        <TextInput source="givenName" label="Given name" validate={required()} />
        <TextInput source="familyName" label="Family name" validate={required()} />
        <TextInput
          source="email"
          label="Email"
          type="email"
          validate={[required(), email('Enter an email address like name@example.com')]}
        />
        <AutocompleteInput
          source="timeZone"
          label="Patient's time zone"
          choices={timeZoneChoices}
          validate={required()}
          helperText="Reminders and times reach the patient on this clock."
        />
        <TextInput source="phone" label="Phone (optional)" type="tel" />
        <CareTeamInput />
      </SimpleForm>
    </Create>
  );
}
