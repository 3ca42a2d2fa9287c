import type { ResourceProps } from 'react-admin';
import { PatientCreate } from './patient-create';
import { PatientList } from './patient-list';
import { PatientShow } from './patient-show';

export const patients: ResourceProps = {
  name: 'patients',
  list: PatientList,
  show: PatientShow,
  create: PatientCreate,
  recordRepresentation: (patient: { givenName: string; familyName: string }) =>
    `${patient.givenName} ${patient.familyName}`,
};
