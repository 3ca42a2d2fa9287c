import { type StaffChangeRequest, staffChangeRefusal } from './staff-rules';

const OWNER = { userId: 'owner-1', role: 'owner' as const };
const ADMIN = { userId: 'admin-1', role: 'admin' as const };

const request = (overrides: Partial<StaffChangeRequest>): StaffChangeRequest => ({
  actor: OWNER,
  target: { userId: 'clinician-1', role: 'clinician', active: true },
  change: { kind: 'role', to: 'admin' },
  otherActiveOwners: 1,
  ...overrides,
});

describe('staffChangeRefusal', () => {
  it('lets an owner and an admin promote a clinician to admin', () => {
    expect(staffChangeRefusal(request({}))).toBeNull();
    expect(staffChangeRefusal(request({ actor: ADMIN }))).toBeNull();
  });

  it('keeps admins away from owners', () => {
    const ownerTarget = { userId: 'owner-2', role: 'owner' as const, active: true };

    expect(
      staffChangeRefusal(request({ actor: ADMIN, change: { kind: 'role', to: 'owner' } }))?.code,
    ).toBe('staff_change_forbidden');
    expect(
      staffChangeRefusal(
        request({ actor: ADMIN, target: ownerTarget, change: { kind: 'deactivate' } }),
      )?.code,
    ).toBe('staff_change_forbidden');
    expect(
      staffChangeRefusal(
        request({ actor: ADMIN, target: ownerTarget, change: { kind: 'role', to: 'admin' } }),
      )?.code,
    ).toBe('staff_change_forbidden');
  });

  it('lets an owner make someone else an owner', () => {
    expect(staffChangeRefusal(request({ change: { kind: 'role', to: 'owner' } }))).toBeNull();
  });

  it('refuses to deactivate oneself', () => {
    expect(
      staffChangeRefusal(
        request({
          target: { userId: OWNER.userId, role: 'owner', active: true },
          change: { kind: 'deactivate' },
        }),
      )?.code,
    ).toBe('staff_change_forbidden');
  });

  it('never leaves the clinic without an active owner', () => {
    const lastOwner = { userId: OWNER.userId, role: 'owner' as const, active: true };

    expect(
      staffChangeRefusal(
        request({ target: lastOwner, change: { kind: 'role', to: 'admin' }, otherActiveOwners: 0 }),
      )?.code,
    ).toBe('staff_last_owner');
    expect(
      staffChangeRefusal(
        request({ target: lastOwner, change: { kind: 'role', to: 'admin' }, otherActiveOwners: 1 }),
      ),
    ).toBeNull();
    expect(
      staffChangeRefusal(
        request({
          target: { userId: 'owner-2', role: 'owner', active: true },
          change: { kind: 'deactivate' },
          otherActiveOwners: 0,
        }),
      )?.code,
    ).toBe('staff_last_owner');
  });

  it('lets an owner reactivate a deactivated owner', () => {
    expect(
      staffChangeRefusal(
        request({
          target: { userId: 'owner-2', role: 'owner', active: false },
          change: { kind: 'reactivate' },
          otherActiveOwners: 1,
        }),
      ),
    ).toBeNull();
  });
});
