import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { toProblem, type ProblemError } from '../api/problem';
import { ROLES, TIERS, type AdminUser, type Role, type Tier } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Badge, EmptyState, ProblemAlert, Select, Spinner, usePageTitle } from '../components/ui';
import { capitalize, formatDateTime } from '../lib/format';

type RowState = { saving?: boolean; saved?: string; problem?: ProblemError };

export function AdminUsersPage() {
  usePageTitle('Users');
  const { me, refreshMe } = useAuth();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [query, setQuery] = useState('');

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setUsers(await api.get<AdminUser[]>('/api/admin/users'));
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = users ?? [];
    return q ? list.filter((u) => u.email.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)) : list;
  }, [users, query]);

  const update = async (u: AdminUser, change: { role?: Role; tier?: Tier }) => {
    const previous = u;
    setUsers((list) => (list ?? []).map((x) => (x.id === u.id ? { ...x, ...change } : x)));
    setRows((r) => ({ ...r, [u.id]: { saving: true } }));
    try {
      const updated = await api.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(u.id)}`, change);
      if (updated) setUsers((list) => (list ?? []).map((x) => (x.id === u.id ? updated : x)));
      const what = change.role ? `Role set to ${capitalize(change.role)}` : `Tier set to ${capitalize(change.tier ?? '')}`;
      setRows((r) => ({ ...r, [u.id]: { saved: `${what}.` } }));
      if (u.id === me?.id) void refreshMe();
    } catch (err) {
      setUsers((list) => (list ?? []).map((x) => (x.id === u.id ? previous : x)));
      setRows((r) => ({ ...r, [u.id]: { problem: toProblem(err) } }));
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Users</h1>
          <p className="muted">Manage roles and plans. Changes are saved immediately and recorded in the audit log.</p>
        </div>
      </div>

      <section className="panel" aria-labelledby="users-h">
        <div className="panel__head">
          <h2 id="users-h">
            Accounts {users && <span className="count">{users.length}</span>}
          </h2>
          <div className="search">
            <label htmlFor="user-search" className="visually-hidden">
              Search users
            </label>
            <input id="user-search" type="search" placeholder="Search by name or email" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
        </div>
        {problem ? (
          <>
            <ProblemAlert problem={problem} />
            <button type="button" className="btn" onClick={load}>
              Try again
            </button>
          </>
        ) : users === null ? (
          <div className="loading-block">
            <Spinner label="Loading users…" />
          </div>
        ) : filtered.length === 0 ? (
          <EmptyState title={query ? 'No matching users' : 'No users yet'} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">User accounts</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {filtered.map((u) => {
                  const row = rows[u.id] ?? {};
                  const locked = u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
                  return (
                    <tr key={u.id} data-user-email={u.email}>
                      <td>
                        <div className="cell-strong">
                          {u.displayName} {u.id === me?.id && <Badge tone="muted">You</Badge>}
                        </div>
                        <div className="cell-sub">{u.email}</div>
                      </td>
                      <td>
                        <Select
                          className="select"
                          aria-label={`Role for ${u.email}`}
                          name="role"
                          value={u.role}
                          options={ROLES}
                          labelFor={capitalize}
                          disabled={row.saving}
                          onChange={(e) => update(u, { role: e.target.value as Role })}
                        />
                      </td>
                      <td>
                        <Select
                          className="select"
                          aria-label={`Tier for ${u.email}`}
                          name="tier"
                          value={u.tier}
                          options={TIERS}
                          labelFor={capitalize}
                          disabled={row.saving}
                          onChange={(e) => update(u, { tier: e.target.value as Tier })}
                        />
                      </td>
                      <td>{formatDateTime(u.createdAt)}</td>
                      <td>
                        <div aria-live="polite" className="row-status">
                          {row.saving ? (
                            <Spinner label="Saving…" />
                          ) : row.problem ? (
                            <span className="text-danger" role="alert">
                              {row.problem.summary}
                            </span>
                          ) : row.saved ? (
                            <span className="text-success">{row.saved}</span>
                          ) : locked ? (
                            <Badge tone="warning" title={`Locked until ${formatDateTime(u.lockedUntil)}`}>
                              Locked
                            </Badge>
                          ) : (
                            <Badge tone="success">Active</Badge>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
