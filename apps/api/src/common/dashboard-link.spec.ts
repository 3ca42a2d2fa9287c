import { dashboardLink } from './dashboard-link';

describe('dashboardLink', () => {
  it('puts the route and its token in the fragment the dashboard routes by', () => {
    expect(
      dashboardLink({ DASHBOARD_URL: 'https://dash.example/' }, 'verify-email', { token: 'a.b' }),
    ).toBe('https://dash.example/#/verify-email?token=a.b');
    expect(dashboardLink({ DASHBOARD_URL: 'https://dash.example' }, 'login')).toBe(
      'https://dash.example/#/login',
    );
  });
});
