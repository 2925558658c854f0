import { Link, useLocation } from 'react-router';

/** A console path that names no page. */
export function NotFoundPage() {
  const location = useLocation();
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">No such page</h1>
      <p>
        There is no page at <code>{location.pathname}</code>. <Link to="/">Go to the dashboard</Link>.
      </p>
    </section>
  );
}
