import { dashboardLink, patientAppLink, portalLink } from './portal-links';

const config = {
  DASHBOARD_URL: 'https://dash.example/',
  PATIENT_APP_URL: 'https://me.example',
};

describe('portal links', () => {
  it('puts the dashboard route and its token in the fragment the dashboard routes by', () => {
    expect(dashboardLink(config, 'verify-email', { token: 'a.b' })).toBe(
      'https://dash.example/#/verify-email?token=a.b',
    );
    expect(dashboardLink(config, 'login')).toBe('https://dash.example/#/login');
  });

  it('keeps a patient app token in the fragment, away from the web server', () => {
    expect(patientAppLink(config, 'accept', { token: 'a.b' })).toBe(
      'https://me.example/accept#token=a.b',
    );
    expect(patientAppLink(config, 'settings/notifications')).toBe(
      'https://me.example/settings/notifications',
    );
  });

  it('sends staff to the dashboard and patients to the patient app', () => {
    expect(portalLink(config, 'clinician', 'reset-password', { token: 't' })).toBe(
      'https://dash.example/#/reset-password?token=t',
    );
    expect(portalLink(config, 'patient', 'reset-password', { token: 't' })).toBe(
      'https://me.example/reset-password#token=t',
    );
  });
});
