import { staffActionsFor } from './staff-actions';

const member = (
  role: 'owner' | 'admin' | 'clinician',
  status: 'active' | 'deactivated' = 'active',
) => ({
  userId: `${role}-member`,
  role,
  status,
});

describe('staffActionsFor', () => {
  it('lets an owner give any role and deactivate anyone but themselves', () => {
    const owner = { userId: 'me', role: 'owner' as const };

    expect(staffActionsFor(owner, member('clinician'))).toEqual({
      roleChoices: ['owner', 'admin', 'clinician'],
      canDeactivate: true,
      canReactivate: false,
    });
    expect(staffActionsFor(owner, { ...member('owner'), userId: 'me' }).canDeactivate).toBe(false);
  });

  it('keeps admins away from owners and from making owners', () => {
    const admin = { userId: 'me', role: 'admin' as const };

    expect(staffActionsFor(admin, member('owner'))).toEqual({
      roleChoices: [],
      canDeactivate: false,
      canReactivate: false,
    });
    expect(staffActionsFor(admin, member('clinician')).roleChoices).toEqual(['admin', 'clinician']);
  });

  it('offers reactivation for a deactivated member only', () => {
    const owner = { userId: 'me', role: 'owner' as const };

    expect(staffActionsFor(owner, member('clinician', 'deactivated'))).toEqual(
      expect.objectContaining({ canDeactivate: false, canReactivate: true }),
    );
  });

  it('offers nothing to a clinician', () => {
    expect(staffActionsFor({ userId: 'me', role: 'clinician' }, member('clinician'))).toEqual({
      roleChoices: [],
      canDeactivate: false,
      canReactivate: false,
    });
  });
});
