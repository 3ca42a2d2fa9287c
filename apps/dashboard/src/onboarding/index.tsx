import { Route } from 'react-router-dom';
import { ACCEPT_INVITATION_PATH, AcceptInvitationPage } from './accept-invitation-page';
import { SIGN_UP_PATH, SignUpPage } from './sign-up-page';
import { VERIFY_EMAIL_PATH, VerifyEmailPage } from './verify-email-page';

/** The pages a person opens before they can sign in; react-admin shows them without its layout. */
export const onboardingRoutes = [
  <Route key="sign-up" path={SIGN_UP_PATH} element={<SignUpPage />} />,
  <Route key="verify-email" path={VERIFY_EMAIL_PATH} element={<VerifyEmailPage />} />,
  <Route
    key="accept-invitation"
    path={ACCEPT_INVITATION_PATH}
    element={<AcceptInvitationPage />}
  />,
];
