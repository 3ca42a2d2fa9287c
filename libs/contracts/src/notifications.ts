import type { Page } from './pagination';

export const REMINDER_KINDS = [
  'infusion_day_before',
  'infusion_morning',
  'assignment_due',
  'journal_prompt',
] as const;

/** What a reminder is about, and so when it is due. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One notification under the bell in the patient app. */
export interface PatientNotification {
  id: string;
  kind: ReminderKind;
  title: string;
  body: string;
  /** A path inside the patient app, such as `/today`. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<PatientNotification> {
  /** Unread notifications of the patient, across every page. */
  unread: number;
}

export interface NotificationListQuery {
  page?: number;
  perPage?: number;
}

/** How a patient wants to hear from the portal. Quiet hours are local `HH:MM` in their zone. */
export interface NotificationPreferences {
  emailEnabled: boolean;
  inAppEnabled: boolean;
  quietHoursStart: string;
  quietHoursEnd: string;
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  emailEnabled: true,
  inAppEnabled: true,
  quietHoursStart: '21:00',
  quietHoursEnd: '08:00',
};

export const NEEDS_ATTENTION_KINDS = [
  'crisis_flag',
  'shared_entry',
  'readiness_missing',
  'no_activity',
  'reminder_email_failed',
] as const;

export type NeedsAttentionKind = (typeof NEEDS_ATTENTION_KINDS)[number];

/** Something on the dashboard's needs-attention list, most urgent kinds first. */
export interface NeedsAttentionItem {
  kind: NeedsAttentionKind;
  patientId: string;
  patientName: string;
  /** When it happened: the entry was shared or flagged, the infusion is or was, the email failed. */
  at: string;
  /** A path inside the dashboard, such as `/patients/<id>/show`. */
  link: string;
  /** The journal entry or infusion the item is about, when there is one. */
  subjectId: string | null;
}

export interface NeedsAttention {
  items: NeedsAttentionItem[];
}
