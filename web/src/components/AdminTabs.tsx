import { NavLink } from 'react-router-dom';

/** The admin pages' own navigation, above each of them: the main bar holds one "Admin" link, so it fits at 1280 px. */
export function AdminTabs() {
  return (
    <nav className="subnav" aria-label="Admin">
      <NavLink to="/admin/users">Users</NavLink>
      <NavLink to="/admin/audit">Audit log</NavLink>
      <NavLink to="/admin/storage">Storage</NavLink>
    </nav>
  );
}
