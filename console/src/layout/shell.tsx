import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/session';

interface NavigationItem {
  to: string;
  label: string;
  /** Only this role sees the item; every role when absent. */
  role?: 'admin';
}

const navigation: readonly NavigationItem[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/cases', label: 'Cases' },
  { to: '/manual-score', label: 'Manual score' },
  { to: '/decisions', label: 'Decisions' },
  { to: '/admin', label: 'Admin', role: 'admin' },
];

/** The frame of every signed-in page: skip link, navigation for the role, who is signed in. */
export function Shell() {
  const { me, signOut } = useSession();
  const items = navigation.filter((item) => item.role === undefined || item.role === me?.role);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After a client-side navigation, move focus to the new page and name it in the title, as a full page load would.
  useEffect(() => {
    const heading = main.current?.querySelector('h1')?.textContent;
    document.title = heading ? `${heading} · Sentra` : 'Sentra Console';
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Sentra</span>
        <nav aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>
            {me?.tenant_id} · <strong>{me?.role}</strong>
          </span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </>
  );
}
