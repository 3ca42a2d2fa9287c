import type { PatientStatus, PatientSummary } from '@ivks/contracts';
import { useRecordContext } from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';

export const STATUS_LABELS: Record<PatientStatus, string> = {
  invited: 'Invited',
  active: 'Active',
  discharged: 'Discharged',
};

export function fullName(patient: Pick<PatientSummary, 'givenName' | 'familyName'>): string {
  return `${patient.givenName} ${patient.familyName}`;
}

/** The next infusion on the clinic's clock, whatever zone the viewer's computer is in. */
export function NextInfusionField(_props: { label?: string; sortBy?: string }) {
  const patient = useRecordContext<PatientSummary>();
  const timeZone = useClinicTimeZone();

  if (patient === undefined || timeZone === undefined) {
    return null;
  }

  return <span>{formatInZone(patient.nextInfusionAt, timeZone)}</span>;
}

export function CourseProgressField(_props: { label?: string; sortable?: boolean }) {
  const patient = useRecordContext<PatientSummary>();

  if (patient === undefined) {
    return null;
  }

  return (
    <span>
      {patient.completedInfusions} of {patient.scheduledInfusions} infusions
    </span>
  );
}
