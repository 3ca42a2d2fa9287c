import type { ListQuery, Page } from './pagination';

/** What an email is for. The kind is recorded; the body never is. */
export type EmailKind =
  | 'email_verification'
  | 'staff_invitation'
  | 'patient_invitation'
  | 'password_reset'
  | 'security_notice'
  | 'reminder';

export const EMAIL_KINDS: readonly EmailKind[] = [
  'email_verification',
  'staff_invitation',
  'patient_invitation',
  'password_reset',
  'security_notice',
  'reminder',
];

export const EMAIL_DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/** How one email's delivery went, as owners and admins see it; never its body. */
export interface EmailDeliverySummary {
  id: string;
  kind: EmailKind;
  recipient: string;
  status: EmailDeliveryStatus;
  attempts: number;
  /** The SMTP server's last complaint, short; null once sent. */
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

export type EmailDeliveryListQuery = Pick<ListQuery, 'page' | 'perPage'> & {
  status?: EmailDeliveryStatus;
};

export type EmailDeliveryPage = Page<EmailDeliverySummary>;
