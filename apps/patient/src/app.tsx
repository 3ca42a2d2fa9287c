import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { HelpPage } from './help/help-page';
import { Layout } from './layout/layout';
import { useSession } from './session/session-context';
import { SignInPage } from './sign-in/sign-in-page';
import { TodayPage } from './today/today-page';

function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const { pathname } = useLocation();

  if (session.status === 'restoring') {
    return <p role="status">Loading…</p>;
  }
  if (session.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: pathname }} />;
  }

  return children;
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route
          path="/"
          element={
            <RequireSignIn>
              <TodayPage />
            </RequireSignIn>
          }
        />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/help" element={<HelpPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
