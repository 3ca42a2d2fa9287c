import type { ReactNode } from 'react';
import { AppBar, Layout, Menu, TitlePortal, useGetIdentity } from 'react-admin';
import type { StaffIdentity } from '../auth/auth-provider';
import { READINESS_PATH } from '../readiness';

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
  return (
    <Menu>
      <Menu.ResourceItems />
      <Menu.Item to={READINESS_PATH} primaryText="Readiness" />
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
