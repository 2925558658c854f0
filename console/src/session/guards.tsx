import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession, type Me } from './session';

/** Sends a signed-out visitor to the sign-in page, remembering where they wanted to go. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** Shows the nested pages only to a role that may use them; others get an explanation, not the page. */
export function RequireRole({ role }: { role: Me['role'] }) {
  const { me } = useSession();
  if (me?.role !== role) {
    return (
      <section aria-labelledby="forbidden-title" className="page">
        <h1 id="forbidden-title">Not available to your role</h1>
        <p>
          This page needs the <strong>{role}</strong> role; your token has <strong>{me?.role ?? 'none'}</strong>. Ask an administrator if you need
          it.
        </p>
      </section>
    );
  }
  return <Outlet />;
}
