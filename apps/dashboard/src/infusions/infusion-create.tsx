import { INFUSION_MINUTES } from '@ivks/contracts';
import {
  Create,
  DateTimeInput,
  NumberInput,
  SimpleForm,
  TextInput,
  maxValue,
  minValue,
  required,
  type RaRecord,
} from 'react-admin';
import type { ScheduleInfusionForm } from '../data/data-provider';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { wallClockToInstant } from '../time/format-in-zone';

interface ScheduleFormValues {
  patientId?: string;
  scheduledAtLocal?: string;
  durationMinutes?: number | null;
}

/** Keeps what was typed as a wall-clock string; it is read in the clinic's zone, not the browser's. */
const keepWallClock = (value: string | null): string => value ?? '';

export function InfusionCreate() {
  const timeZone = useClinicTimeZone() ?? 'UTC';

  const transform = (values: ScheduleFormValues): Partial<ScheduleInfusionForm> => ({
    patientId: values.patientId ?? '',
    scheduledAt: wallClockToInstant(values.scheduledAtLocal ?? '', timeZone) ?? '',
    ...(values.durationMinutes == null ? {} : { durationMinutes: values.durationMinutes }),
  });

  return (
    <Create
      title="Schedule an infusion"
      transform={transform}
      redirect={(_resource?: string, _id?: RaRecord['id'], data?: Partial<RaRecord>) =>
        typeof data?.patientId === 'string' ? `patients/${data.patientId}/show` : 'patients'
      }
    >
      <SimpleForm>
        <TextInput source="patientId" label="Patient" readOnly validate={required()} />
        <DateTimeInput
          source="scheduledAtLocal"
          label={`Date and time (${timeZone.replaceAll('_', ' ')} time)`}
          parse={keepWallClock}
          validate={required()}
        />
        <NumberInput
          source="durationMinutes"
          label="Duration in minutes (optional)"
          validate={[minValue(INFUSION_MINUTES.min), maxValue(INFUSION_MINUTES.max)]}
        />
      </SimpleForm>
    </Create>
  );
}
