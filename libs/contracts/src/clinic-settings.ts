/** A clinic's own settings, as every member of its staff sees them. */
export interface ClinicSettings {
  id: string;
  name: string;
  timeZone: string;
  phone: string | null;
  /** Whether every staff member must sign in with a second factor. */
  mfaRequired: boolean;
  createdAt: string;
}

/** Only the fields given change; owners and admins only. */
export interface UpdateClinicSettingsRequest {
  name?: string;
  timeZone?: string;
  phone?: string | null;
  mfaRequired?: boolean;
}

export type ClinicSettingsField = keyof UpdateClinicSettingsRequest;
