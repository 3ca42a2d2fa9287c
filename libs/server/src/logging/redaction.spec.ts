import { pathOnly } from './redaction';

describe('pathOnly', () => {
  it.each([
    ['/api/v1/patients?q=Maya%20Lopez', '/api/v1/patients'],
    ['/api/v1/patients', '/api/v1/patients'],
    [undefined, ''],
  ])('logs %s as %s', (url, expected) => {
    expect(pathOnly(url)).toBe(expected);
  });
});
