import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { ProblemError, toProblem } from '../api/problem';
import type { Project } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Badge, EmptyState, Field, Notice, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { formatDateTime, formatRelative } from '../lib/format';

const byNewest = (a: Project, b: Project) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '');

export function sortProjects(list: Project[]): Project[] {
  const active = list.filter((p) => !p.deletedAt).sort(byNewest);
  const deleted = list.filter((p) => p.deletedAt).sort(byNewest);
  return [...active, ...deleted];
}

function upsert(list: Project[], p: Project): Project[] {
  const i = list.findIndex((x) => x.id === p.id);
  if (i === -1) return [p, ...list];
  const copy = list.slice();
  copy[i] = p;
  return copy;
}

export function DashboardPage() {
  usePageTitle('Projects');
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const showDeleted = params.get('deleted') === '1';
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<ProblemError | null>(null);
  const [status, setStatus] = useState<{ text: string; undoId?: string } | null>(null);
  const [rowProblem, setRowProblem] = useState<{ id: string; problem: ProblemError } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadProblem(null);
    try {
      setProjects(await api.get<Project[]>('/api/projects?includeDeleted=true'));
    } catch (err) {
      setLoadProblem(toProblem(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const visible = useMemo(() => {
    const list = sortProjects(projects ?? []);
    return showDeleted ? list : list.filter((p) => !p.deletedAt);
  }, [projects, showDeleted]);
  const deletedCount = (projects ?? []).filter((p) => p.deletedAt).length;
  const activeCount = (projects ?? []).length - deletedCount;

  const onCreated = (p: Project) => {
    setProjects((list) => upsert(list ?? [], p));
    setStatus({ text: `Created “${p.name}”.` });
  };

  const rename = async (p: Project, name: string): Promise<boolean> => {
    setBusyId(p.id);
    setRowProblem(null);
    try {
      const updated = await api.patch<Project>(`/api/projects/${encodeURIComponent(p.id)}`, { name });
      setProjects((list) => upsert(list ?? [], updated ?? { ...p, name }));
      setStatus({ text: `Renamed to “${updated?.name ?? name}”.` });
      return true;
    } catch (err) {
      setRowProblem({ id: p.id, problem: toProblem(err) });
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const remove = async (p: Project) => {
    setBusyId(p.id);
    setRowProblem(null);
    try {
      await api.del(`/api/projects/${encodeURIComponent(p.id)}`);
      setProjects((list) => upsert(list ?? [], { ...p, deletedAt: new Date().toISOString() }));
      setStatus({ text: `Deleted “${p.name}”.`, undoId: p.id });
    } catch (err) {
      setRowProblem({ id: p.id, problem: toProblem(err) });
    } finally {
      setBusyId(null);
    }
  };

  const restore = async (p: Project) => {
    setBusyId(p.id);
    setRowProblem(null);
    try {
      const restored = await api.post<Project>(`/api/projects/${encodeURIComponent(p.id)}/restore`);
      setProjects((list) => upsert(list ?? [], restored ?? { ...p, deletedAt: null }));
      setStatus({ text: `Restored “${p.name}”.` });
    } catch (err) {
      setRowProblem({ id: p.id, problem: toProblem(err) });
    } finally {
      setBusyId(null);
    }
  };

  const toggleDeleted = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('deleted', '1');
    else next.delete('deleted');
    setParams(next, { replace: true });
  };

  const undoProject = status?.undoId ? projects?.find((p) => p.id === status.undoId && p.deletedAt) : undefined;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Projects</h1>
          <p className="muted">{me ? `Welcome, ${me.displayName}.` : ''} Each project is a world in the making.</p>
        </div>
      </div>

      <div className="layout-2col">
        <section className="panel" aria-labelledby="new-project-h">
          <h2 id="new-project-h">New project</h2>
          <CreateProjectForm onCreated={onCreated} />
        </section>

        <section className="panel panel--list" aria-labelledby="project-list-h">
          <div className="panel__head">
            <h2 id="project-list-h">
              Your projects{' '}
              {projects && (
                <span className="count" aria-label={`${activeCount} active`}>
                  {activeCount}
                </span>
              )}
            </h2>
            <label className="switch">
              <input type="checkbox" checked={showDeleted} onChange={(e) => toggleDeleted(e.target.checked)} />
              <span className="switch__track" aria-hidden="true" />
              <span>Show deleted{deletedCount ? ` (${deletedCount})` : ''}</span>
            </label>
          </div>

          <div aria-live="polite" className="status-region">
            {status && (
              <Notice tone="success" onDismiss={() => setStatus(null)}>
                {status.text}{' '}
                {undoProject && (
                  <button type="button" className="link-btn" onClick={() => restore(undoProject)}>
                    Undo
                  </button>
                )}
              </Notice>
            )}
          </div>

          {loadProblem ? (
            <>
              <ProblemAlert problem={loadProblem} />
              <button type="button" className="btn" onClick={load}>
                Try again
              </button>
            </>
          ) : projects === null ? (
            <div className="loading-block">
              <Spinner label="Loading projects…" />
            </div>
          ) : visible.length === 0 ? (
            <EmptyState title="No projects yet">
              <p>Create your first project with the form{deletedCount && !showDeleted ? ', or show deleted projects to restore one' : ''}.</p>
            </EmptyState>
          ) : (
            <ul className="project-list" aria-label="Projects">
              {visible.map((p) => (
                <ProjectRow
                  key={p.id}
                  project={p}
                  busy={busyId === p.id}
                  problem={rowProblem?.id === p.id ? rowProblem.problem : null}
                  onRename={(name) => rename(p, name)}
                  onDelete={() => remove(p)}
                  onRestore={() => restore(p)}
                  onClearProblem={() => setRowProblem(null)}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function CreateProjectForm({ onCreated }: { onCreated: (p: Project) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setProblem(new ProblemError({ status: 400, title: 'Give your project a name.', fieldErrors: { name: ['Enter a project name.'] } }));
      nameRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const body: { name: string; description?: string } = { name: name.trim() };
      if (description.trim()) body.description = description.trim();
      const p = await api.post<Project>('/api/projects', body);
      onCreated(p);
      setName('');
      setDescription('');
      nameRef.current?.focus();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create project">
      <ProblemAlert problem={problem} knownFields={['name', 'description']} />
      <Field
        ref={nameRef}
        label="Name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={problem?.forField('name')}
        placeholder="e.g. The Drowned Archipelago"
        maxLength={200}
        required
      />
      <Field
        label="Description"
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={problem?.forField('description')}
        hint="Optional. A line to remind you what this world is about."
        maxLength={2000}
      />
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create project'}
      </button>
    </form>
  );
}

function ProjectRow({
  project: p,
  busy,
  problem,
  onRename,
  onDelete,
  onRestore,
  onClearProblem,
}: {
  project: Project;
  busy: boolean;
  problem: ProblemError | null;
  onRename: (name: string) => Promise<boolean>;
  onDelete: () => void;
  onRestore: () => void;
  onClearProblem: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(p.name);
  const renameBtn = useRef<HTMLButtonElement>(null);
  const deleted = !!p.deletedAt;

  const startEdit = () => {
    setDraft(p.name);
    onClearProblem();
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    onClearProblem();
    requestAnimationFrame(() => renameBtn.current?.focus());
  };
  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const name = draft.trim();
    if (!name || name === p.name) {
      if (!name) return;
      cancel();
      return;
    }
    if (await onRename(name)) {
      setEditing(false);
      requestAnimationFrame(() => renameBtn.current?.focus());
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };

  return (
    <li className={`project${deleted ? ' project--deleted' : ''}`} data-project-id={p.id}>
      <div className="project__main">
        {editing ? (
          <form className="rename-form" onSubmit={save} aria-label={`Rename ${p.name}`}>
            <Field
              label="Project name"
              name="name"
              className="field--inline"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
              errors={problem?.forField('name')}
              maxLength={200}
              autoFocus
              onFocus={(e) => e.currentTarget.select()}
            />
            <div className="rename-form__actions">
              <button type="submit" className="btn btn--primary btn--sm" disabled={busy || !draft.trim()}>
                {busy ? 'Saving…' : 'Save'}
              </button>
              <button type="button" className="btn btn--sm" onClick={cancel} disabled={busy}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <h3 className="project__name">
            {deleted ? p.name : <Link to={`/projects/${p.id}`}>{p.name}</Link>} {deleted && <Badge tone="danger">Deleted</Badge>}
          </h3>
        )}
        {p.description && !editing && <p className="project__desc">{p.description}</p>}
        <p className="project__meta">
          {deleted ? (
            <span title={formatDateTime(p.deletedAt)}>Deleted {formatRelative(p.deletedAt)}</span>
          ) : (
            <>
              <span title={formatDateTime(p.updatedAt)}>Updated {formatRelative(p.updatedAt)}</span>
              <span aria-hidden="true"> · </span>
              <span title={formatDateTime(p.createdAt)}>Created {formatDateTime(p.createdAt)}</span>
            </>
          )}
        </p>
        {problem && !(editing && problem.forField('name').length) && <ProblemAlert problem={problem} knownFields={editing ? ['name'] : []} className="project__error" />}
      </div>
      {!editing && (
        <div className="project__actions">
          {deleted ? (
            <button type="button" className="btn btn--sm" onClick={onRestore} disabled={busy} aria-label={`Restore ${p.name}`}>
              {busy ? 'Restoring…' : 'Restore'}
            </button>
          ) : (
            <>
              <button type="button" ref={renameBtn} className="btn btn--sm" onClick={startEdit} disabled={busy} aria-label={`Rename ${p.name}`}>
                Rename
              </button>
              <button type="button" className="btn btn--sm btn--danger" onClick={onDelete} disabled={busy} aria-label={`Delete ${p.name}`}>
                {busy ? 'Deleting…' : 'Delete'}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
