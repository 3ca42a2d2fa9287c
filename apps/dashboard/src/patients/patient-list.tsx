import { PATIENT_STATUSES, type PatientSummary } from '@ivks/contracts';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { CourseProgressField, NextInfusionField, STATUS_LABELS, fullName } from './patient-fields';
import { InvitationField, ResendInvitationButton } from './patient-invitation';

const statusChoices = PATIENT_STATUSES.map((status) => ({
  id: status,
  name: status === 'invited' ? 'Not yet accepted' : STATUS_LABELS[status],
}));

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search by name or email" />,
  <SelectInput key="status" source="status" label="Status" choices={statusChoices} alwaysOn />,
];

function ListActions() {
  return (
    <TopToolbar>
      <CreateButton label="Enrol patient" />
    </TopToolbar>
  );
}

function NoPatientsYet() {
  return (
    <section style={{ textAlign: 'center', margin: 32 }}>
      <h2>No patients yet</h2>
      <p>Enrol your first patient, and they will get an invitation to the portal by email.</p>
      <CreateButton label="Enrol patient" variant="contained" />
    </section>
  );
}

export function PatientList() {
  return (
    <List
      title="Patients"
      filters={filters}
      actions={<ListActions />}
      empty={<NoPatientsYet />}
      sort={{ field: 'familyName', order: 'ASC' }}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<PatientSummary>
          label="Name"
          source="familyName"
          sortBy="familyName"
          render={(patient) => fullName(patient)}
        />
        <TextField source="email" label="Email" sortable={false} />
        <FunctionField<PatientSummary>
          label="Status"
          source="status"
          sortBy="status"
          render={(patient) => STATUS_LABELS[patient.status]}
        />
        <NextInfusionField label="Next infusion" sortBy="nextInfusionAt" />
        <CourseProgressField label="Progress" sortable={false} />
        <InvitationField label="Invitation" sortable={false} />
        <ResendInvitationButton />
      </Datagrid>
    </List>
  );
}
