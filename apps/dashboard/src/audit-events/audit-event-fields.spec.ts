/**
 * @jest-environment node
 */
// Node rather than jsdom, as in the data provider's spec: react-admin's router needs TextEncoder.
import type { AuditEvent } from '@ivks/contracts';
import { describeAction, describeActor, describeSubject } from './audit-event-fields';

const viewed: AuditEvent = {
  seq: 3,
  occurredAt: '2025-12-09T15:30:00.000Z',
  actorUserId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  actorRole: 'clinician',
  actorName: 'Sam Okafor',
  action: 'patient.viewed',
  subjectType: 'patient',
  subjectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  subjectName: 'Maya Rivera',
  details: {},
  requestId: null,
  clientIp: null,
};

describe('the audit trail in plain words', () => {
  it('says who read whose record', () => {
    expect(describeActor(viewed)).toBe('Sam Okafor (clinician)');
    expect(describeAction(viewed)).toBe('Viewed a patient’s record');
    expect(describeSubject(viewed)).toBe('Patient: Maya Rivera');
  });

  it('names a failed sign-in’s reason, and that nobody was signed in', () => {
    const failed = {
      ...viewed,
      actorUserId: null,
      actorRole: null,
      actorName: null,
      action: 'auth.sign_in_failed' as const,
      subjectType: 'user' as const,
      subjectName: null,
      details: { reason: 'wrong_password' },
    };

    expect(describeActor(failed)).toBe('Nobody signed in');
    expect(describeAction(failed)).toBe('Sign-in failed: wrong password');
    expect(describeSubject(failed)).toBe('Account: 7c9e6679');
  });

  it('calls the portal the actor when it acted by itself, and ignores an unknown reason', () => {
    const revoked = {
      ...viewed,
      actorUserId: null,
      actorRole: 'system' as const,
      action: 'auth.sessions_revoked' as const,
      details: { reason: 'toString' },
    };

    expect(describeActor(revoked)).toBe('The portal');
    expect(describeAction(revoked)).toBe('Sessions ended');
  });
});
