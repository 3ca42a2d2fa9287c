import { Route } from 'react-router-dom';
import {
  FORGOT_PASSWORD_PATH,
  MFA_ENROLMENT_PATH,
  RESET_PASSWORD_PATH,
  SECURITY_PATH,
} from './account-paths';
import { MfaEnrolmentPage } from './mfa-enrolment-page';
import { ForgotPasswordPage, ResetPasswordPage } from './password-reset-pages';
import { SecurityPage } from './security-page';

export { createAccountMethods } from './account-methods';
export { SECURITY_PATH };

/** Inside the layout, for a signed-in staff member. */
export const securityRoute = (
  <Route key="security" path={SECURITY_PATH} element={<SecurityPage />} />
);

/** Without the layout: before signing in, or while a required second factor is not set up. */
export const accountPublicRoutes = [
  <Route key="forgot-password" path={FORGOT_PASSWORD_PATH} element={<ForgotPasswordPage />} />,
  <Route key="reset-password" path={RESET_PASSWORD_PATH} element={<ResetPasswordPage />} />,
  <Route key="mfa-enrolment" path={MFA_ENROLMENT_PATH} element={<MfaEnrolmentPage />} />,
];
