import { NavLink, Outlet } from 'react-router';

/** The admin pages with their own navigation; the role guard sits above it in the routes. */
export function AdminSection() {
  return (
    <>
      <nav aria-label="Admin" className="section-nav">
        <ul>
          <li>
            <NavLink to="/admin" end>
              Thresholds
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/models">Models</NavLink>
          </li>
          <li>
            <NavLink to="/admin/data">Data</NavLink>
          </li>
          <li>
            <NavLink to="/admin/tokens">Tokens</NavLink>
          </li>
          <li>
            <NavLink to="/admin/rules">Rules</NavLink>
          </li>
          <li>
            <NavLink to="/admin/lists">Lists</NavLink>
          </li>
          <li>
            <NavLink to="/admin/merchants">Merchants</NavLink>
          </li>
          <li>
            <NavLink to="/admin/jobs">Jobs</NavLink>
          </li>
          <li>
            <NavLink to="/admin/audit">Audit</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
