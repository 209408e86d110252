import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { forgeApi, type BatchView, type WorldView } from '../api/forge';
import { toProblem, type ProblemError } from '../api/problem';
import type { Project } from '../api/types';
import { EmptyState, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { BatchForm } from '../components/forge/BatchForm';
import { BatchList } from '../components/forge/BatchList';
import { NewWorldForm } from '../components/forge/NewWorldForm';
import { WorldCard } from '../components/forge/WorldCard';

export function ProjectPage() {
  const { id = '' } = useParams();
  const [project, setProject] = useState<Project | null>(null);
  const [worlds, setWorlds] = useState<WorldView[] | null>(null);
  const [batches, setBatches] = useState<BatchView[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  usePageTitle(project?.name ?? 'Project');

  const load = useCallback(async () => {
    try {
      const [p, w, b] = await Promise.all([
        api.get<Project>(`/api/projects/${encodeURIComponent(id)}`),
        forgeApi.listWorlds(id),
        forgeApi.listBatches(id),
      ]);
      setProject(p);
      setWorlds(w);
      setBatches(b);
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem && !project) {
    return (
      <div className="page">
        <ProblemAlert problem={problem} />
        <Link className="btn" to="/">
          Back to projects
        </Link>
      </div>
    );
  }
  if (!project) {
    return (
      <div className="loading-block">
        <Spinner label="Loading project…" />
      </div>
    );
  }

  return (
    <div className="page page--wide">
      <div className="page-head">
        <div>
          <Link to="/" className="back-link">
            ← Projects
          </Link>
          <h1>{project.name}</h1>
          {project.description && <p className="muted">{project.description}</p>}
        </div>
      </div>
      <ProblemAlert problem={problem} />

      <section className="panel" aria-labelledby="new-world-h">
        <h2 id="new-world-h">New world</h2>
        <NewWorldForm projectId={id} onCreated={(w) => setWorlds((list) => [w, ...(list ?? [])])} />
      </section>

      <section className="panel section-gap" aria-labelledby="worlds-h">
        <h2 id="worlds-h">
          Worlds {worlds && <span className="count">{worlds.length}</span>}
        </h2>
        {!worlds ? (
          <Spinner label="Loading worlds…" />
        ) : worlds.length === 0 ? (
          <EmptyState title="No worlds yet">
            <p>Pick a seed and the sliders above, then Generate.</p>
          </EmptyState>
        ) : (
          <ul className="world-grid" aria-label="Worlds">
            {worlds.map((w) => (
              <WorldCard key={w.id} world={w} onFinished={() => void load()} />
            ))}
          </ul>
        )}
      </section>

      <section className="panel section-gap" aria-labelledby="batches-h">
        <h2 id="batches-h">
          Batches {batches && <span className="count">{batches.length}</span>}
        </h2>
        <div className="layout-2col">
          <div>
            <p className="muted small batch-intro">Generate many seeds at once as thumbnails and numbers, then keep the ones worth a world.</p>
            <BatchForm projectId={id} />
          </div>
          {!batches ? <Spinner label="Loading batches…" /> : <BatchList batches={batches} />}
        </div>
      </section>
    </div>
  );
}
