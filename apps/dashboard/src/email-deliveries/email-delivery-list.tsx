import { EMAIL_DELIVERY_STATUSES, type EmailDeliverySummary } from '@ivks/contracts';
import {
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TextField,
  useRecordContext,
} from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';
import { KIND_LABELS, STATUS_LABELS } from './email-delivery-query';

const statusChoices = EMAIL_DELIVERY_STATUSES.map((status) => ({
  id: status,
  name: STATUS_LABELS[status],
}));

const filters = [
  <SelectInput key="status" source="status" label="Status" choices={statusChoices} alwaysOn />,
];

function InstantField({ source }: { source: 'createdAt' | 'sentAt' | 'failedAt'; label: string }) {
  const record = useRecordContext<EmailDeliverySummary>();
  const timeZone = useClinicTimeZone();
  if (!record || timeZone === undefined) {
    return null;
  }

  return <span>{record[source] === null ? '—' : formatInZone(record[source], timeZone)}</span>;
}

/**
 * The emails the portal sent for the clinic, newest first. It opens on the failed ones: those
 * are the people who did not get an invitation, reset link or reminder, and may need a call.
 */
export function EmailDeliveryList() {
  return (
    <List
      title="Email deliveries"
      filters={filters}
      filterDefaultValues={{ status: 'failed' }}
      actions={false}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      empty={false}
    >
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <InstantField source="createdAt" label="Queued (clinic time)" />
        <FunctionField<EmailDeliverySummary>
          label="Kind"
          sortable={false}
          render={(record) => KIND_LABELS[record.kind]}
        />
        <TextField source="recipient" label="To" sortable={false} />
        <FunctionField<EmailDeliverySummary>
          label="Status"
          sortable={false}
          render={(record) => STATUS_LABELS[record.status]}
        />
        <NumberField source="attempts" label="Attempts" sortable={false} />
        <FunctionField<EmailDeliverySummary>
          label="Last error"
          sortable={false}
          render={(record) => record.lastError ?? '—'}
        />
        <InstantField source="sentAt" label="Sent" />
        <InstantField source="failedAt" label="Gave up" />
      </Datagrid>
    </List>
  );
}
