import type { PatientDetail } from '@ivks/contracts';
import { useState } from 'react';
import { useRecordContext, useRefresh } from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { ApplyPathwayForm } from './apply-pathway-form';
import { PatientAssignments } from './patient-assignments';
import { ScheduleCourseForm } from './schedule-course-form';

/** Scheduling a course, applying a pathway, and the work that follows, on the patient's page. */
export function PatientCare() {
  const patient = useRecordContext<PatientDetail>();
  const timeZone = useClinicTimeZone();
  const refresh = useRefresh();
  const [version, setVersion] = useState(0);

  if (patient === undefined || timeZone === undefined) {
    return null;
  }
  // The patient's infusions and assignments both change; reload the record and the list.
  const changed = () => {
    setVersion((current) => current + 1);
    refresh();
  };

  return (
    <div style={{ paddingInline: '1rem' }}>
      <ScheduleCourseForm patientId={patient.id} timeZone={timeZone} onScheduled={changed} />
      <ApplyPathwayForm patientId={patient.id} onApplied={changed} />
      <PatientAssignments patientId={patient.id} timeZone={timeZone} version={version} />
    </div>
  );
}
