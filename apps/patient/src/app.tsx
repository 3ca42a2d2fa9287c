import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { AcceptPage } from './accept/accept-page';
import { AccountPage } from './account/account-page';
import { ForgotPasswordPage } from './account/forgot-password-page';
import { ResetPasswordPage } from './account/reset-password-page';
import { ChaperonePage } from './chaperone/chaperone-page';
import { HelpPage } from './help/help-page';
import { EntryPage } from './journal/entry-page';
import { JournalPage } from './journal/journal-page';
import { NewEntryRedirect, WritePage } from './journal/write-page';
import { Layout } from './layout/layout';
import { LibraryItemPage } from './library/library-item-page';
import { LibraryPage } from './library/library-page';
import { MusicPage } from './music/music-page';
import { NotificationSettingsPage } from './notifications/notification-settings-page';
import { NotificationsPage } from './notifications/notifications-page';
import { PlanPage } from './plan/plan-page';
import { TaskPage } from './plan/task-page';
import { TicksProvider } from './plan/ticks-context';
import { useSession } from './session/session-context';
import { SharingPage } from './sharing/sharing-page';
import { SignInPage } from './sign-in/sign-in-page';
import { TodayPage } from './today/today-page';

function RequireSignIn() {
  const { session, api } = useSession();
  const { pathname, search } = useLocation();

  if (session.status === 'restoring') {
    return <p role="status">Loading…</p>;
  }
  if (session.status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: `${pathname}${search}` }} />;
  }

  return (
    <TicksProvider api={api} userId={session.me.userId}>
      <Outlet />
    </TicksProvider>
  );
}

export function App() {
  return (
    <Layout>
      <Routes>
        <Route element={<RequireSignIn />}>
          <Route path="/" element={<TodayPage />} />
          <Route path="/plan" element={<PlanPage />} />
          <Route path="/plan/:assignmentId" element={<TaskPage />} />
          <Route path="/library" element={<LibraryPage />} />
          <Route path="/library/:slug" element={<LibraryItemPage />} />
          <Route path="/music" element={<MusicPage />} />
          <Route path="/sharing" element={<SharingPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
          <Route path="/journal" element={<JournalPage />} />
          <Route path="/journal/write" element={<NewEntryRedirect />} />
          <Route path="/journal/write/:clientId" element={<WritePage />} />
          <Route path="/journal/entries/:id" element={<EntryPage />} />
        </Route>
        <Route path="/chaperone/:token" element={<ChaperonePage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/accept" element={<AcceptPage />} />
        <Route path="/help" element={<HelpPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
