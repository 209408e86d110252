import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { quotaDescription, quotaLabel, quotaLevel } from '../lib/quota';
import { capitalize } from '../lib/format';
import { Logo } from './ui';
import { useTotalUnread } from '../chat/ChatContext';

/** "Chat" with the total unread count of my rooms, live from the chat socket. */
function ChatNavLink() {
  const unread = useTotalUnread();
  return (
    <NavLink to="/chat" aria-label={unread ? `Chat, ${unread} unread` : 'Chat'}>
      Chat
      {unread > 0 && (
        <span className="nav-badge" data-testid="chat-unread" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}

function Header() {
  const { me, status, logout } = useAuth();
  const [leaving, setLeaving] = useState(false);
  const isAdmin = me?.role === 'admin';

  const onLogout = async () => {
    setLeaving(true);
    // Once logged out, the protected route redirects to /login (without a "return to" page).
    await logout();
  };

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label="Worldloom home">
          <Logo />
          <span className="brand__name">Worldloom</span>
        </Link>

        {status === 'authenticated' && me ? (
          <>
            <nav className="main-nav" aria-label="Main">
              <NavLink to="/" end>
                Projects
              </NavLink>
              <NavLink to="/jobs">Jobs</NavLink>
              <ChatNavLink />
              <NavLink to="/realms">Realms</NavLink>
              <NavLink to="/stories">Stories</NavLink>
              <NavLink to="/verify">Verify</NavLink>
              {isAdmin && <NavLink to="/admin">Admin</NavLink>}
            </nav>
            <div className="user-area" aria-label="Account">
              <div className="user-area__who">
                <span className="user-area__name" data-testid="display-name">
                  {me.displayName}
                </span>
                <span className="user-area__meta">
                  <span className={`chip chip--role-${me.role}`} data-testid="user-role" title="Role">
                    {capitalize(me.role)}
                  </span>
                  <span className={`chip chip--tier-${me.tier}`} data-testid="user-tier" title="Plan">
                    {capitalize(me.tier)}
                  </span>
                  <span className={`chip chip--quota chip--quota-${quotaLevel(me.quota)}`} data-testid="user-quota" title={quotaDescription(me.quota)}>
                    {quotaLabel(me.quota)}
                  </span>
                </span>
              </div>
              <button type="button" className="btn btn--header" onClick={onLogout} disabled={leaving}>
                {leaving ? 'Logging out…' : 'Log out'}
              </button>
            </div>
          </>
        ) : status === 'offline' ? (
          <>
            <nav className="main-nav" aria-label="Main">
              <NavLink to="/" end>
                Projects
              </NavLink>
              <NavLink to="/verify">Verify</NavLink>
            </nav>
            <div className="user-area" aria-label="Account">
              <span className="chip chip--offline" data-testid="offline">
                Offline
              </span>
              <button type="button" className="btn btn--header" onClick={onLogout} disabled={leaving}>
                {leaving ? 'Logging out…' : 'Log out'}
              </button>
            </div>
          </>
        ) : (
          <>
            <nav className="main-nav" aria-label="Main">
              <NavLink to="/verify">Verify</NavLink>
            </nav>
            <nav className="main-nav main-nav--guest" aria-label="Account">
              <NavLink to="/login">Log in</NavLink>
              <NavLink to="/signup">Sign up</NavLink>
            </nav>
          </>
        )}
      </div>
    </header>
  );
}

/** While the server cannot be reached, says that the page shows what this device saved. */
function OfflineNotice() {
  const { status } = useAuth();
  if (status !== 'offline') return null;
  return (
    <div className="offline-banner" role="status">
      You are offline. The projects list is the one this device saved last; editing needs the server. Verifying bundles works as usual.
    </div>
  );
}

export function Layout({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move focus to the content on client-side navigation so screen readers announce the new page.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = mainRef.current;
    const active = document.activeElement;
    // Respect a page that already focused something itself (e.g. autoFocus on a field).
    if (main && !(active && active !== main && main.contains(active))) main.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className={`main${narrow ? ' main--narrow' : ''}`}>
        <OfflineNotice />
        {children}
      </main>
      <footer className="site-footer">
        <span>Worldloom</span>
        <span aria-hidden="true">·</span>
        <span>Self-hosted world building</span>
      </footer>
    </div>
  );
}
