import { QueryFailedError } from 'typeorm';
import { err as standardErrorSerializer } from 'pino-std-serializers';
import { loggableError, loggedPath, pathOnly } from './redaction';

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
    [
      `/api/v1/%63alendar/${[...'0b0c.SECRET-part_x'].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}`,
      '/api/v1/calendar/:token',
    ],
    ['/api/v1/calendar/%E0%A4%A', '/api/v1/calendar/:token'],
    ['/api/v1/nowhere/%E0%A4%A', '/api/v1/nowhere/:undecodable'],
    ['/api/v1/patient-invitations/0b0c.SECRET', '/api/v1/patient-invitations/:token'],
    ['/api/v1/patient-invitations/accept', '/api/v1/patient-invitations/accept'],
    ['/api/v1/staff-invitations/0b0c.SECRET', '/api/v1/staff-invitations/:token'],
    ['/api/v1/staff-invitations/fresh', '/api/v1/staff-invitations/fresh'],
    [
      '/api/v1/auth/password-reset/82f440b5-1f0e-4c53-9a55-0f5a2f9b7c11.aLS2zfQ9xk3m1VbR8p0TqW5yZc7dE4gH6jK2lM9nB0o',
      '/api/v1/auth/password-reset/:secret',
    ],
    [
      '/api/v1/patients/82f440b5-1f0e-4c53-9a55-0f5a2f9b7c11/infusions',
      '/api/v1/patients/82f440b5-1f0e-4c53-9a55-0f5a2f9b7c11/infusions',
    ],
  ])('logs %s as %s', (url, expected) => {
    expect(loggedPath(url)).toBe(expected);
  });
});

describe('loggableError', () => {
  const failure = new QueryFailedError(
    'INSERT INTO patients (given_name) VALUES ($1)',
    ['Maya wrote this'],
    Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      detail: 'Key (email)=(maya@example.test)',
    }),
  );

  it.each([
    ['as an Error', failure],
    ['as pino has already copied it', standardErrorSerializer(failure)],
  ])('keeps a failed query’s kind, message and code but not its data, %s', (_how, error) => {
    const logged = loggableError(error);

    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '22021' });
    expect(logged.message).toContain('invalid byte sequence');
    const line = JSON.stringify(logged);
    expect(line).not.toContain('Maya wrote this');
    expect(line).not.toContain('maya@example.test');
    expect(line).not.toContain('INSERT INTO');
  });
});
