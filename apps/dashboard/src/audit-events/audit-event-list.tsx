import { AUDIT_ACTIONS, type AuditEvent } from '@ivks/contracts';
import { Datagrid, DateInput, FunctionField, List, SelectInput } from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import {
  ACTION_LABELS,
  describeAction,
  describeActor,
  describeSubject,
  OccurredAtField,
} from './audit-event-fields';

const actionChoices = AUDIT_ACTIONS.map((action) => ({ id: action, name: ACTION_LABELS[action] }));

const filters = [
  <SelectInput key="action" source="action" label="Action" choices={actionChoices} alwaysOn />,
  <DateInput key="fromDate" source="fromDate" label="From (clinic date)" alwaysOn />,
  <DateInput key="toDate" source="toDate" label="To (clinic date)" alwaysOn />,
];

/** The clinic's audit trail, newest first; the dates filter on the clinic's clock. */
export function AuditEventList() {
  const timeZone = useClinicTimeZone();

  if (timeZone === undefined) {
    return null;
  }

  return (
    <List
      title="Audit trail"
      filters={filters}
      filter={{ timeZone }}
      actions={false}
      sort={{ field: 'seq', order: 'DESC' }}
      perPage={25}
    >
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <OccurredAtField label="Time (clinic time)" sortable={false} />
        <FunctionField<AuditEvent> label="Who" sortable={false} render={describeActor} />
        <FunctionField<AuditEvent> label="Action" sortable={false} render={describeAction} />
        <FunctionField<AuditEvent> label="About" sortable={false} render={describeSubject} />
      </Datagrid>
    </List>
  );
}
