import type { Role } from '@ivks/contracts';
import type { ReactNode } from 'react';
import { AppBar, Layout, Menu, TitlePortal, useGetIdentity, usePermissions } from 'react-admin';
import { SECURITY_PATH } from '../account/account-paths';
import type { StaffIdentity } from '../auth/auth-provider';
import { CLINIC_SETTINGS_PATH } from '../clinic-settings';
import { SHARED_JOURNAL_PATH } from '../journal/journal-paths';
import { NEEDS_ATTENTION_PATH } from '../needs-attention';
import { READINESS_PATH } from '../readiness';
import { managesStaff, STAFF_PATH } from '../staff';

function ClinicName() {
  const { identity } = useGetIdentity();
  const clinicName = (identity as StaffIdentity | undefined)?.clinicName;

  if (clinicName === undefined) {
    return null;
  }

  return (
    <span data-testid="clinic-name" style={{ marginRight: '1rem', fontWeight: 600 }}>
      {clinicName}
    </span>
  );
}

function ClinicAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <ClinicName />
    </AppBar>
  );
}

function AppMenu() {
  const { permissions } = usePermissions<Role>();

  return (
    <Menu>
      <Menu.Item to={NEEDS_ATTENTION_PATH} primaryText="Needs attention" />
      <Menu.ResourceItems />
      <Menu.Item to={READINESS_PATH} primaryText="Readiness" />
      <Menu.Item to={SHARED_JOURNAL_PATH} primaryText="Shared journal" />
      {managesStaff(permissions) ? <Menu.Item to={STAFF_PATH} primaryText="Staff" /> : null}
      <Menu.Item to={CLINIC_SETTINGS_PATH} primaryText="Clinic settings" />
      <Menu.Item to={SECURITY_PATH} primaryText="Sign-in and security" />
    </Menu>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout appBar={ClinicAppBar} menu={AppMenu}>
      {children}
    </Layout>
  );
}
