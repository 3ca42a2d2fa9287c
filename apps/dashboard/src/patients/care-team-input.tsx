import type { ClinicianChoice } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { CheckboxGroupInput, useDataProvider, useNotify } from 'react-admin';
import type { CareDataProvider } from '../data/data-provider';

/** The clinicians to put on a new patient's care team; only they will see the patient. */
export function CareTeamInput() {
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const [clinicians, setClinicians] = useState<ClinicianChoice[]>([]);

  useEffect(() => {
    let current = true;
    dataProvider
      .listClinicians()
      .then((found) => {
        if (current) {
          setClinicians(found);
        }
      })
      .catch((error: unknown) => {
        notify(error instanceof Error ? error.message : 'The clinicians could not be loaded.', {
          type: 'error',
        });
      });

    return () => {
      current = false;
    };
  }, [dataProvider, notify]);

  return (
    <CheckboxGroupInput
      source="careTeam"
      label="Care team"
      choices={clinicians.map((clinician) => ({
        id: clinician.membershipId,
        name: clinician.name,
      }))}
      helperText="The care team reads what the patient shares, and clinicians see only their care team's patients. A clinician who enrols is on it; leave it empty to be on it alone. Owners and admins choose at least one clinician."
    />
  );
}
