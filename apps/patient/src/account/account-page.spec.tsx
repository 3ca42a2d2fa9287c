import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderSignedIn } from '../testing/fake-api';
import { AccountPage } from './account-page';

describe('the account page', () => {
  it('changes the password and says the other devices were signed out', async () => {
    const { api, calls } = fakeApi({ 'POST /me/password': () => ({ status: 204 }) });
    renderSignedIn(api, <AccountPage />, '/account');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Current password'), 'the old passphrase');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('New password again'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect((await screen.findByTestId('password-changed')).textContent).toContain('signed out');
    expect(calls.find((call) => call.path === '/me/password')?.body).toEqual({
      currentPassword: 'the old passphrase',
      newPassword: 'a brand new passphrase',
    });
  });

  it('shows the API’s word on a wrong current password beside the field', async () => {
    const { api } = fakeApi({
      'POST /me/password': () => ({
        status: 400,
        body: {
          statusCode: 400,
          code: 'current_password_wrong',
          message: 'Please check: currentPassword is not your current password.',
          fields: { currentPassword: ['currentPassword is not your current password'] },
        },
      }),
    });
    renderSignedIn(api, <AccountPage />, '/account');
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Current password'), 'not the passphrase');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.type(screen.getByLabelText('New password again'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await waitFor(() =>
      expect(screen.getAllByText(/is not your current password/).length).toBeGreaterThan(0),
    );
  });

  it('signs out everywhere', async () => {
    const { api, calls } = fakeApi({
      'POST /auth/sign-out-everywhere': () => ({ status: 204 }),
      'POST /auth/sign-out': () => ({ status: 204 }),
    });
    renderSignedIn(api, <AccountPage />, '/account');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));

    await waitFor(() =>
      expect(calls.map((call) => call.path)).toEqual(
        expect.arrayContaining(['/auth/sign-out-everywhere', '/auth/sign-out']),
      ),
    );
  });
});
