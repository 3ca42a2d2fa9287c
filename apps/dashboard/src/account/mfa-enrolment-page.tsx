import { useDataProvider, useLogout } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { PublicPage } from '../onboarding/public-page';
import type { AccountDataProvider } from './account-methods';
import { TotpSetup } from './totp-setup';

/**
 * Where a clinic that requires a second factor sends staff who have none: until it is set up,
 * the API answers nothing else, so this page stands alone, without the menu.
 */
export function MfaEnrolmentPage() {
  const dataProvider = useDataProvider<AccountDataProvider>();
  const navigate = useNavigate();
  const logout = useLogout();

  const done = async () => {
    await dataProvider.refreshSession();
    await navigate('/', { replace: true });
  };

  return (
    <PublicPage title="Set up two-step sign-in">
      <p>
        Your clinic asks every staff member to sign in with a code from an authenticator app as well
        as a password, so that a stolen password alone opens nothing. It takes about two minutes.
      </p>
      <TotpSetup onDone={() => void done()} />
      <p style={{ marginTop: '2rem' }}>
        <button
          type="button"
          onClick={() => void logout()}
          style={{ all: 'unset', cursor: 'pointer', color: '#2f5d62', textDecoration: 'underline' }}
        >
          Sign out and do this later
        </button>
      </p>
    </PublicPage>
  );
}
