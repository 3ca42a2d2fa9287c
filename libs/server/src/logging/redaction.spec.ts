import { loggedPath, pathOnly } from './redaction';

describe('pathOnly', () => {
  it.each([
    ['/api/v1/patients?q=Maya%20Lopez', '/api/v1/patients'],
    ['/api/v1/patients', '/api/v1/patients'],
    [undefined, ''],
  ])('logs %s as %s', (url, expected) => {
    expect(pathOnly(url)).toBe(expected);
  });
});

describe('loggedPath', () => {
  it.each([
    ['/api/v1/calendar/0b0c.SECRET-part_x', '/api/v1/calendar/:token'],
    ['/api/v1/chaperone/0b0c.SECRET?x=1', '/api/v1/chaperone/:token'],
    ['/api/v1/patients/0b0c?q=Maya', '/api/v1/patients/0b0c'],
    ['/api/v1/me/links', '/api/v1/me/links'],
    ['/api/v1/patient-invitations/0b0c.SECRET', '/api/v1/patient-invitations/:token'],
    ['/api/v1/patient-invitations/accept', '/api/v1/patient-invitations/accept'],
    ['/api/v1/staff-invitations/0b0c.SECRET', '/api/v1/staff-invitations/:token'],
    ['/api/v1/staff-invitations/fresh', '/api/v1/staff-invitations/fresh'],
  ])('logs %s as %s', (url, expected) => {
    expect(loggedPath(url)).toBe(expected);
  });
});
