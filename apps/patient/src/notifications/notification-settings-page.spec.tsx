import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../session/session-context';
import { fakeApi } from '../testing/fake-api';
import { NotificationSettingsPage, preferenceErrors } from './notification-settings-page';

const DEFAULTS = {
  emailEnabled: true,
  inAppEnabled: true,
  quietHoursStart: '21:00',
  quietHoursEnd: '08:00',
};

function renderPage(routes: Parameters<typeof fakeApi>[0]) {
  const fake = fakeApi(routes);
  render(
    <MemoryRouter>
      <SessionProvider api={fake.api}>
        <NotificationSettingsPage />
      </SessionProvider>
    </MemoryRouter>,
  );

  return fake;
}

describe('preferenceErrors', () => {
  it.each([
    [{ ...DEFAULTS }, []],
    [{ ...DEFAULTS, quietHoursStart: '' }, ['quiet-hours-start']],
    [
      { ...DEFAULTS, quietHoursStart: '24:00', quietHoursEnd: '7:5' },
      ['quiet-hours-start', 'quiet-hours-end'],
    ],
  ])('finds the fields to correct in %p', (preferences, fieldIds) => {
    expect(preferenceErrors(preferences).map((error) => error.fieldId)).toEqual(fieldIds);
  });
});

describe('NotificationSettingsPage', () => {
  it('saves the channels and quiet hours the patient chooses', async () => {
    const { calls } = renderPage({
      'GET /me/notification-preferences': () => ({ status: 200, body: DEFAULTS }),
      'PUT /me/notification-preferences': (body) => ({ status: 200, body }),
    });

    fireEvent.click(await screen.findByLabelText(/By email/));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '22:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Your settings are saved.')).toBeInstanceOf(HTMLElement);
    expect(calls).toContainEqual({
      method: 'PUT',
      path: '/me/notification-preferences',
      body: { ...DEFAULTS, emailEnabled: false, quietHoursStart: '22:30' },
    });
  });

  it('shows the API’s message beside the field it names', async () => {
    renderPage({
      'GET /me/notification-preferences': () => ({ status: 200, body: DEFAULTS }),
      'PUT /me/notification-preferences': () => ({
        status: 400,
        body: {
          statusCode: 400,
          code: 'validation_failed',
          message: 'Please correct the request.',
          fields: { quietHoursEnd: ['quietHoursEnd must be a 24-hour local time HH:MM'] },
        },
      }),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));

    await waitFor(() =>
      expect(screen.getAllByText('quietHoursEnd must be a 24-hour local time HH:MM')).toHaveLength(
        2,
      ),
    );
  });
});
