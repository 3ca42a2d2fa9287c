import type { Infusion, InfusionStatus, PatientDetail } from '@ivks/contracts';
import {
  ArrayField,
  CreateButton,
  Datagrid,
  EmailField,
  FunctionField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { PatientJournal } from '../journal/patient-journal';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';
import { PatientCare } from './patient-care';
import { DischargeButton, InvitationField, ResendInvitationButton } from './patient-invitation';
import { CourseProgressField, NextInfusionField, STATUS_LABELS, fullName } from './patient-fields';

const INFUSION_STATUS_LABELS: Record<InfusionStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

function PatientTitle() {
  const patient = useRecordContext<PatientDetail>();

  return <span>{patient === undefined ? 'Patient' : fullName(patient)}</span>;
}

function ShowActions() {
  const patient = useRecordContext<PatientDetail>();

  if (patient === undefined) {
    return null;
  }

  return (
    <TopToolbar>
      <CreateButton
        resource="infusions"
        state={{ record: { patientId: patient.id } }}
        label="Schedule infusion"
      />
      <ResendInvitationButton />
      <DischargeButton />
    </TopToolbar>
  );
}

function InfusionTimeField(_props: { label?: string }) {
  const infusion = useRecordContext<Infusion>();
  const timeZone = useClinicTimeZone();

  if (infusion === undefined || timeZone === undefined) {
    return null;
  }

  return <span>{formatInZone(infusion.scheduledAt, timeZone)}</span>;
}

export function PatientShow() {
  return (
    <Show title={<PatientTitle />} actions={<ShowActions />}>
      <SimpleShowLayout>
        <FunctionField<PatientDetail> label="Name" render={(patient) => fullName(patient)} />
        <EmailField source="email" label="Email" />
        <TextField source="phone" label="Phone" emptyText="—" />
        <TextField source="timeZone" label="Patient's time zone" />
        <FunctionField<PatientDetail>
          label="Status"
          render={(patient) => STATUS_LABELS[patient.status]}
        />
        <Labeled label="Invitation">
          <InvitationField />
        </Labeled>
        <Labeled label="Next infusion (clinic time)">
          <NextInfusionField />
        </Labeled>
        <Labeled label="Progress">
          <CourseProgressField />
        </Labeled>
        <ArrayField source="infusions" label="Infusions">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>No infusions yet.</p>}>
            <InfusionTimeField label="When (clinic time)" />
            <TextField source="durationMinutes" label="Minutes" />
            <FunctionField<Infusion>
              label="Status"
              render={(infusion) => INFUSION_STATUS_LABELS[infusion.status]}
            />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
      <PatientCare />
      <PatientJournal />
    </Show>
  );
}
