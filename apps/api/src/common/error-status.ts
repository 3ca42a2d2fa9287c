import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@ivks/contracts';

/** The one place error codes meet HTTP statuses; a code missing here fails to compile. */
export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  validation_failed: HttpStatus.BAD_REQUEST,
  invalid_credentials: HttpStatus.UNAUTHORIZED,
  clinic_required: HttpStatus.CONFLICT,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  route_not_found: HttpStatus.NOT_FOUND,
  patient_not_found: HttpStatus.NOT_FOUND,
  patient_email_taken: HttpStatus.CONFLICT,
  patient_discharged: HttpStatus.CONFLICT,
  infusion_not_found: HttpStatus.NOT_FOUND,
  infusion_slot_taken: HttpStatus.CONFLICT,
  infusion_cancelled: HttpStatus.CONFLICT,
  infusion_completed: HttpStatus.CONFLICT,
  pathway_not_found: HttpStatus.NOT_FOUND,
  assignment_not_found: HttpStatus.NOT_FOUND,
  assignment_withdrawn: HttpStatus.CONFLICT,
  checklist_item_not_found: HttpStatus.NOT_FOUND,
  link_not_found: HttpStatus.NOT_FOUND,
  content_not_found: HttpStatus.NOT_FOUND,
  content_slug_taken: HttpStatus.CONFLICT,
  journal_entry_not_found: HttpStatus.NOT_FOUND,
  journal_entry_not_saved: HttpStatus.CONFLICT,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  service_unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  internal_error: HttpStatus.INTERNAL_SERVER_ERROR,
};
