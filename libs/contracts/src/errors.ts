/** Every code the API can answer with; the API maps each one to an HTTP status in one place. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_credentials',
  'clinic_required',
  'unauthenticated',
  'forbidden',
  'route_not_found',
  'patient_not_found',
  'patient_email_taken',
  'patient_discharged',
  'patient_not_discharged',
  'patient_invitation_not_found',
  'patient_invitation_expired',
  'patient_invitation_revoked',
  'patient_invitation_accepted',
  'patient_account_conflict',
  'infusion_not_found',
  'infusion_slot_taken',
  'infusion_cancelled',
  'infusion_completed',
  'pathway_not_found',
  'assignment_not_found',
  'assignment_withdrawn',
  'checklist_item_not_found',
  'link_not_found',
  'content_not_found',
  'content_slug_taken',
  'journal_entry_not_found',
  'journal_entry_not_saved',
  'journal_entry_shared_with_all',
  'notification_not_found',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'current_password_wrong',
  'reset_token_used',
  'reset_token_expired',
  'mfa_code_invalid',
  'mfa_enrolment_required',
  'mfa_required_by_clinic',
  'mfa_already_enabled',
  'mfa_not_enabled',
  'signup_link_invalid',
  'signup_link_expired',
  'signup_link_used',
  'staff_member_not_found',
  'staff_invitation_not_found',
  'staff_invitation_closed',
  'staff_already_member',
  'staff_already_invited',
  'staff_last_owner',
  'staff_change_forbidden',
  'service_unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one JSON shape of every error the API returns. */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  /** A sentence a person can act on. */
  message: string;
  /** Per-field problems, for forms that show a message beside each field. */
  fields?: Record<string, string[]>;
  /** Present on server errors: quote it to support; the same id is in the server log. */
  errorId?: string;
  /** Extra facts some codes carry, such as the clinics to choose from for `clinic_required`. */
  details?: Record<string, unknown>;
}
