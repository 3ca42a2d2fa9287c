/** What an email is for. The kind is recorded; the body never is. */
export type EmailKind =
  | 'email_verification'
  | 'staff_invitation'
  | 'patient_invitation'
  | 'password_reset'
  | 'security_notice'
  | 'reminder';

export type EmailDeliveryStatus = 'queued' | 'sent' | 'failed';
