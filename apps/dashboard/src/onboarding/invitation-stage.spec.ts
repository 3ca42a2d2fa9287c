import type { StaffInvitationPreview } from '@ivks/contracts';
import { invitationStage } from './invitation-stage';

const preview = (overrides: Partial<StaffInvitationPreview>): StaffInvitationPreview => ({
  clinicName: 'Harbourside',
  email: 'new@harbourside.example',
  displayName: 'New Person',
  role: 'clinician',
  status: 'pending',
  needsPassword: true,
  ...overrides,
});

describe('invitationStage', () => {
  it('asks a new person to choose a password, and someone with an account for theirs', () => {
    expect(invitationStage(preview({}))).toBe('choose_password');
    expect(invitationStage(preview({ needsPassword: false }))).toBe('confirm_password');
  });

  it.each(['expired', 'accepted', 'revoked'] as const)(
    'shows a %s invitation as such',
    (status) => {
      expect(invitationStage(preview({ status }))).toBe(status);
    },
  );
});
