import { EMAIL_DELIVERY_STATUSES, type EmailDeliveryStatus, type EmailKind } from '@ivks/contracts';
import type { GetListParams } from 'react-admin';

export const KIND_LABELS: Record<EmailKind, string> = {
  email_verification: 'Email address check',
  staff_invitation: 'Staff invitation',
  patient_invitation: 'Patient invitation',
  password_reset: 'Password reset',
  security_notice: 'Security notice',
  reminder: 'Reminder',
};

export const STATUS_LABELS: Record<EmailDeliveryStatus, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
};

function isStatus(value: unknown): value is EmailDeliveryStatus {
  return (
    typeof value === 'string' && (EMAIL_DELIVERY_STATUSES as readonly string[]).includes(value)
  );
}

/** The delivery list's query string; the list is always newest first, so no sort is sent. */
export function emailDeliveryListQuery(params: Partial<GetListParams>): URLSearchParams {
  const query = new URLSearchParams();
  query.set('page', String(Math.max(1, params.pagination?.page ?? 1)));
  query.set('perPage', String(params.pagination?.perPage ?? 25));
  const status = (params.filter as Record<string, unknown> | undefined)?.status;
  if (isStatus(status)) {
    query.set('status', status);
  }

  return query;
}
