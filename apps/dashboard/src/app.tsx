import type { Role } from '@ivks/contracts';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { accountPublicRoutes, createAccountMethods, securityRoute } from './account';
import { ApiClient } from './api/api-client';
import { auditEvents, readsAuditTrail } from './audit-events';
import { clinicSettingsRoute } from './clinic-settings';
import { createAuthProvider } from './auth/auth-provider';
import { createDataProvider } from './data/data-provider';
import { emailDeliveries, readsEmailDeliveries } from './email-deliveries';
import { infusions } from './infusions';
import { journalRoutes } from './journal';
import { AppLayout } from './layout/app-layout';
import { createNeedsAttentionMethods, needsAttentionRoute } from './needs-attention';
import { onboardingRoutes } from './onboarding';
import { patients } from './patients';
import { readinessRoute } from './readiness';
import { SignInPage } from './sign-in/sign-in-page';
import { createStaffMethods, managesStaff, staffRoute } from './staff';

const api = new ApiClient();
const authProvider = createAuthProvider(api);
const dataProvider = {
  ...createDataProvider(api),
  ...createStaffMethods(api),
  ...createAccountMethods(api),
  ...createNeedsAttentionMethods(api),
};

export function App() {
  return (
    <Admin
      title="IV Ketamine Support"
      authProvider={authProvider}
      dataProvider={dataProvider}
      layout={AppLayout}
      loginPage={SignInPage}
      requireAuth
      disableTelemetry
    >
      {(role: Role | undefined) => (
        <>
          <Resource {...patients} />
          <Resource {...infusions} />
          {readsAuditTrail(role) ? <Resource {...auditEvents} /> : null}
          {readsEmailDeliveries(role) ? <Resource {...emailDeliveries} /> : null}
          <CustomRoutes>
            {needsAttentionRoute}
            {readinessRoute}
            {journalRoutes}
          </CustomRoutes>
          <CustomRoutes noLayout>{onboardingRoutes}</CustomRoutes>
          <CustomRoutes noLayout>{accountPublicRoutes}</CustomRoutes>
          <CustomRoutes>
            {managesStaff(role) ? staffRoute : null}
            {clinicSettingsRoute}
            {securityRoute}
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
