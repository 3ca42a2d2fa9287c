import type { ClinicSettings, UpdateClinicSettingsRequest } from '@ivks/contracts';

export interface SettingsValues {
  name?: string;
  timeZone?: string;
  phone?: string | null;
  mfaRequired?: boolean;
}

/** Only what the form changed, so a save never rewrites a setting someone else just changed. */
export function settingsChanges(
  before: ClinicSettings,
  values: SettingsValues,
): UpdateClinicSettingsRequest {
  const changes: UpdateClinicSettingsRequest = {};
  const name = values.name?.trim();
  if (name !== undefined && name !== before.name) {
    changes.name = name;
  }
  if (values.timeZone !== undefined && values.timeZone !== before.timeZone) {
    changes.timeZone = values.timeZone;
  }
  const phone = values.phone?.trim() ? values.phone.trim() : null;
  if (values.phone !== undefined && phone !== before.phone) {
    changes.phone = phone;
  }
  if (values.mfaRequired !== undefined && values.mfaRequired !== before.mfaRequired) {
    changes.mfaRequired = values.mfaRequired;
  }

  return changes;
}
