/** The signed-in staff member's own sign-in settings: password, authenticator app, sessions. */
export const SECURITY_PATH = '/security';
/** Where a clinic that requires a second factor sends staff who have none yet. */
export const MFA_ENROLMENT_PATH = '/security/set-up';
export const FORGOT_PASSWORD_PATH = '/forgot-password';
/** The path the reset email links to (DASHBOARD_URL/reset-password?token=…). */
export const RESET_PASSWORD_PATH = '/reset-password';
