import type { Role } from '@ivks/contracts';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { ApiClient } from './api/api-client';
import { auditEvents, readsAuditTrail } from './audit-events';
import { createAuthProvider } from './auth/auth-provider';
import { createDataProvider } from './data/data-provider';
import { infusions } from './infusions';
import { AppLayout } from './layout/app-layout';
import { patients } from './patients';
import { readinessRoute } from './readiness';
import { SignInPage } from './sign-in/sign-in-page';

const api = new ApiClient();
const authProvider = createAuthProvider(api);
const dataProvider = createDataProvider(api);

export function App() {
  return (
    <Admin
      title="IV Ketamine Support"
      authProvider={authProvider}
      dataProvider={dataProvider}
      layout={AppLayout}
      loginPage={SignInPage}
      requireAuth
    >
      {(role: Role | undefined) => (
        <>
          <Resource {...patients} />
          <Resource {...infusions} />
          {readsAuditTrail(role) ? <Resource {...auditEvents} /> : null}
          <CustomRoutes>{readinessRoute}</CustomRoutes>
        </>
      )}
    </Admin>
  );
}
