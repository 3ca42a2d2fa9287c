import { Route } from 'react-router-dom';
import { CLINIC_SETTINGS_PATH, ClinicSettingsPage } from './clinic-settings-page';

export { CLINIC_SETTINGS_PATH };

export const clinicSettingsRoute = (
  <Route key="clinic-settings" path={CLINIC_SETTINGS_PATH} element={<ClinicSettingsPage />} />
);
