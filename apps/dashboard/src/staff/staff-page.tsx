import {
  INVITABLE_ROLES,
  type InviteStaffRequest,
  type Role,
  type StaffList,
  type StaffMember,
  type StaffRole,
} from '@ivks/contracts';
import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Confirm,
  Form,
  SelectInput,
  TextInput,
  Title,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  usePermissions,
} from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';
import { fieldErrorsOf, messageOf } from './form-errors';
import { ROLE_LABELS, staffActionsFor } from './staff-actions';
import type { StaffDataProvider } from './staff-methods';

export const STAFF_PATH = '/staff';

const cell = { padding: '0.5rem 1rem 0.5rem 0', textAlign: 'start' as const, verticalAlign: 'top' };

type Pending =
  | { kind: 'deactivate' | 'reactivate'; member: StaffMember }
  | { kind: 'withdraw'; invitationId: string; email: string };

/** The clinic's staff, its open invitations and a form to invite someone; owners and admins. */
export function StaffPage() {
  const dataProvider = useDataProvider<StaffDataProvider>();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role>();
  const timeZone = useClinicTimeZone() ?? 'UTC';
  const [list, setList] = useState<StaffList | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [inviteFormKey, setInviteFormKey] = useState(0);

  const reload = useCallback(async () => {
    try {
      setList(await dataProvider.staffList());
    } catch (error) {
      notify(messageOf(error, 'The staff list could not be loaded.'), { type: 'error' });
    }
  }, [dataProvider, notify]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify(done, { type: 'success' });
    } catch (error) {
      notify(messageOf(error, 'That did not work. Please try again.'), { type: 'error' });
    }
    await reload();
  };

  const invite = async (values: Partial<InviteStaffRequest>) => {
    try {
      const sent = await dataProvider.inviteStaff({
        email: values.email?.trim() ?? '',
        displayName: values.displayName?.trim() ?? '',
        role: values.role ?? 'clinician',
      });
      notify(`Invitation sent to ${sent.email}.`, { type: 'success' });
      setInviteFormKey((key) => key + 1);
      await reload();

      return undefined;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) {
        notify(messageOf(error, 'The invitation could not be sent.'), { type: 'error' });
      }

      return fields ?? undefined;
    }
  };

  const confirmPending = async () => {
    const current = pending;
    setPending(null);
    if (!current) {
      return;
    }
    if (current.kind === 'withdraw') {
      await act(
        () => dataProvider.revokeStaffInvitation(current.invitationId),
        `The invitation to ${current.email} was withdrawn.`,
      );
    } else if (current.kind === 'deactivate') {
      await act(
        () => dataProvider.deactivateStaff(current.member.membershipId),
        `${current.member.displayName} was deactivated and signed out.`,
      );
    } else {
      await act(
        () => dataProvider.reactivateStaff(current.member.membershipId),
        `${current.member.displayName} can sign in again.`,
      );
    }
  };

  const actor = { userId: String(identity?.id ?? ''), role: permissions };

  return (
    <div style={{ padding: '1rem' }}>
      <Title title="Staff" />
      <h2>Staff</h2>
      {list === null ? (
        <p>Loading…</p>
      ) : (
        <table data-testid="staff-members" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th style={cell}>Name</th>
              <th style={cell}>Email</th>
              <th style={cell}>Role</th>
              <th style={cell}>Status</th>
              <th style={cell}>Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.members.map((member) => {
              const actions = staffActionsFor(actor, member);

              return (
                <tr key={member.membershipId} data-testid={`staff-member-${member.email}`}>
                  <td style={cell}>{member.displayName}</td>
                  <td style={cell}>{member.email}</td>
                  <td style={cell}>
                    {actions.roleChoices.length === 0 ? (
                      ROLE_LABELS[member.role]
                    ) : (
                      <select
                        aria-label={`Role of ${member.displayName}`}
                        value={member.role}
                        onChange={(event) =>
                          void act(
                            () =>
                              dataProvider.changeStaffRole(
                                member.membershipId,
                                event.target.value as StaffRole,
                              ),
                            `${member.displayName} is now ${ROLE_LABELS[event.target.value as StaffRole].toLowerCase()}.`,
                          )
                        }
                      >
                        {actions.roleChoices.map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABELS[role]}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td style={cell}>
                    {member.status === 'active'
                      ? 'Active'
                      : `Deactivated ${formatInZone(member.deactivatedAt, timeZone)}`}
                  </td>
                  <td style={cell}>
                    {actions.canDeactivate ? (
                      <Button
                        label="Deactivate"
                        onClick={() => setPending({ kind: 'deactivate', member })}
                      />
                    ) : null}
                    {actions.canReactivate ? (
                      <Button
                        label="Reactivate"
                        onClick={() => setPending({ kind: 'reactivate', member })}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>Invitations waiting for an answer</h2>
      {list !== null && list.invitations.length === 0 ? <p>None at the moment.</p> : null}
      {list !== null && list.invitations.length > 0 ? (
        <table
          data-testid="staff-invitations"
          style={{ borderCollapse: 'collapse', width: '100%' }}
        >
          <thead>
            <tr>
              <th style={cell}>Name</th>
              <th style={cell}>Email</th>
              <th style={cell}>Role</th>
              <th style={cell}>Sent</th>
              <th style={cell}>Link works until</th>
              <th style={cell}>Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.invitations.map((invitation) => (
              <tr key={invitation.id} data-testid={`staff-invitation-${invitation.email}`}>
                <td style={cell}>{invitation.displayName}</td>
                <td style={cell}>{invitation.email}</td>
                <td style={cell}>{ROLE_LABELS[invitation.role]}</td>
                <td style={cell}>{formatInZone(invitation.sentAt, timeZone)}</td>
                <td style={cell}>
                  {invitation.expired ? 'Expired' : formatInZone(invitation.expiresAt, timeZone)}
                </td>
                <td style={cell}>
                  <Button
                    label="Send again"
                    onClick={() =>
                      void act(
                        () => dataProvider.resendStaffInvitation(invitation.id),
                        `A new link was sent to ${invitation.email}; the old one no longer works.`,
                      )
                    }
                  />
                  <Button
                    label="Withdraw"
                    onClick={() =>
                      setPending({
                        kind: 'withdraw',
                        invitationId: invitation.id,
                        email: invitation.email,
                      })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>Invite someone</h2>
      <Form key={inviteFormKey} onSubmit={invite} defaultValues={{ role: 'clinician' }} noValidate>
        <div style={{ maxWidth: 480 }}>
          <TextInput
            source="displayName"
            label="Name"
            validate={required('Enter the person’s name')}
            fullWidth
          />
          <TextInput
            source="email"
            label="Email"
            type="email"
            validate={required('Enter their email address')}
            fullWidth
          />
          <SelectInput
            source="role"
            label="Role"
            choices={INVITABLE_ROLES.map((role) => ({ id: role, name: ROLE_LABELS[role] }))}
            validate={required('Choose a role')}
            helperText="Admins also manage the staff and the clinic’s settings."
            fullWidth
          />
          <Button type="submit" variant="contained" label="Send invitation" />
        </div>
      </Form>

      <Confirm
        isOpen={pending !== null}
        title={
          pending?.kind === 'withdraw'
            ? 'Withdraw this invitation?'
            : pending?.kind === 'deactivate'
              ? `Deactivate ${pending.member.displayName}?`
              : `Reactivate ${pending?.kind === 'reactivate' ? pending.member.displayName : ''}?`
        }
        content={
          pending?.kind === 'withdraw'
            ? `The link sent to ${pending.email} will stop working.`
            : pending?.kind === 'deactivate'
              ? 'They are signed out at once and cannot sign in to this clinic until reactivated. Nothing they did is removed.'
              : 'They will be able to sign in to this clinic again.'
        }
        confirm="Yes"
        cancel="Cancel"
        onConfirm={() => void confirmPending()}
        onClose={() => setPending(null)}
      />
    </div>
  );
}
