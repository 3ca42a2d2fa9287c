import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { NotificationBell } from '../notifications/notification-bell';
import { useSession } from '../session/session-context';

const NAV_LINKS = [
  { to: '/', label: 'Today' },
  { to: '/plan', label: 'Plan' },
  { to: '/library', label: 'Library' },
  { to: '/journal', label: 'Journal' },
  { to: '/music', label: 'Music' },
  { to: '/sharing', label: 'Sharing' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A new page replaces the content without a page load, so move focus as a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;

      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <div className="width-container header__inner">
          <Link className="header__service" to="/">
            IV Ketamine Support
          </Link>
          <Link className="header__help" to="/help">
            Get help now
          </Link>
        </div>
      </header>
      {session.status === 'signed-in' && (
        <nav className="service-nav" aria-label="Main menu">
          <div className="width-container">
            <ul className="service-nav__list">
              {NAV_LINKS.map(({ to, label }) => (
                <li key={to}>
                  <NavLink className="service-nav__link" to={to} end={to === '/'}>
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
      {session.status === 'signed-in' && (
        <div className="account-bar">
          <div className="width-container account-bar__inner">
            <span className="account-bar__clinic">{session.me.clinic.name}</span>
            <NotificationBell />
            <Link className="link-button" to="/account">
              Account
            </Link>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                void signOut();
              }}
            >
              Sign out
            </button>
          </div>
        </div>
      )}
      <div className="width-container">
        <main className="main" id="main" ref={mainRef} tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="footer">
        <div className="width-container">
          <p>
            IV Ketamine Support helps you prepare for and reflect on your treatment. It does not
            give medical advice: your clinic&apos;s instructions always come first.
          </p>
          <p>
            Nobody watches this app in real time. If you need help now, use{' '}
            <Link to="/help">Get help now</Link>.
          </p>
        </div>
      </footer>
    </>
  );
}
