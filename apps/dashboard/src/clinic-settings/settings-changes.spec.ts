import type { ClinicSettings } from '@ivks/contracts';
import { settingsChanges } from './settings-changes';

const before: ClinicSettings = {
  id: 'c1',
  name: 'Harbourside',
  timeZone: 'America/New_York',
  phone: '+1 617 555 0100',
  mfaRequired: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('settingsChanges', () => {
  it('sends nothing when nothing changed', () => {
    expect(settingsChanges(before, { ...before, name: ' Harbourside ' })).toEqual({});
  });

  it('sends only the changed settings', () => {
    expect(settingsChanges(before, { ...before, mfaRequired: true, timeZone: 'UTC' })).toEqual({
      mfaRequired: true,
      timeZone: 'UTC',
    });
  });

  it('sends a cleared phone as null', () => {
    expect(settingsChanges(before, { ...before, phone: '  ' })).toEqual({ phone: null });
    expect(settingsChanges({ ...before, phone: null }, { ...before, phone: null })).toEqual({});
  });
});
