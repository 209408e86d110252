import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { forgeApi, type BatchView } from '../api/forge';
import { toProblem, type ProblemError } from '../api/problem';
import { isTerminal } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { BatchTile } from '../components/forge/BatchTile';
import { JobProgress } from '../components/forge/JobProgress';
import { EmptyState, Notice, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { useJob } from '../hooks/useJob';
import { parseSort, sortOptions } from '../lib/batchSort';
import { formatPermille } from '../lib/biomes';
import { describeParams, requestFromStored } from '../lib/worldParams';

/** While the batch runs, reload its items at most this often (each job event could otherwise trigger one). */
const RELOAD_MS = 1000;

export function BatchPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { sort, order } = parseSort(params.get('sort'), params.get('order'));
  const [batch, setBatch] = useState<BatchView | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [actionProblem, setActionProblem] = useState<ProblemError | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { refreshMe } = useAuth();
  const navigate = useNavigate();
  const lastLoad = useRef(0);
  const fieldId = useId();
  usePageTitle(batch ? `Batch of ${batch.seeds}` : 'Batch');

  const load = useCallback(async () => {
    lastLoad.current = Date.now();
    try {
      setBatch(await forgeApi.getBatch(id, sort, order));
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, [id, sort, order]);

  useEffect(() => {
    void load();
  }, [load]);

  const running = !!batch?.job && !isTerminal(batch.job.status);
  const job = useJob(running ? batch?.jobId : null, (j) => {
    if (isTerminal(j.status) || Date.now() - lastLoad.current > RELOAD_MS) void load();
  });
  const shownJob = job ?? batch?.job ?? null;

  const options = useMemo(() => sortOptions(batch?.items ?? []), [batch?.items]);
  const setSort = (next: { sort?: string; order?: string }) => {
    const p = new URLSearchParams(params);
    p.set('sort', next.sort ?? sort);
    p.set('order', next.order ?? order);
    setParams(p, { replace: true });
  };

  const cancel = async () => {
    setActionProblem(null);
    try {
      await forgeApi.cancelBatch(id);
      await load();
    } catch (err) {
      setActionProblem(toProblem(err));
    }
  };

  const item = batch?.items.find((i) => i.seed === picked) ?? null;
  const generate = async () => {
    if (!batch || !item) return;
    setBusy(true);
    setActionProblem(null);
    try {
      const w = await forgeApi.createWorld(batch.projectId, requestFromStored(item.seed, batch.parameters));
      void refreshMe();
      navigate(`/worlds/${w.id}`);
    } catch (err) {
      setActionProblem(toProblem(err));
      setBusy(false);
    }
  };

  if (!batch) {
    return problem ? (
      <div className="page">
        <ProblemAlert problem={problem} />
      </div>
    ) : (
      <div className="loading-block">
        <Spinner label="Loading batch…" />
      </div>
    );
  }

  return (
    <div className="page page--wide">
      <div className="page-head">
        <div>
          <Link to={`/projects/${batch.projectId}`} className="back-link">
            ← Project
          </Link>
          <h1>Batch of {batch.seeds} seeds</h1>
          <p className="muted">
            {describeParams(batch.parameters)} · sea level {batch.parameters.seaLevel} · roughness {batch.parameters.roughness}
          </p>
        </div>
        {running && (
          <button type="button" className="btn btn--danger" onClick={() => void cancel()}>
            Cancel batch
          </button>
        )}
      </div>
      <ProblemAlert problem={actionProblem ?? problem} />
      {shownJob && (running || shownJob.status !== 'succeeded') && (
        <section className="panel section-gap">
          <JobProgress job={shownJob} label="Batch progress" />
          <p className="small muted">
            {batch.items.length} of {batch.seeds} done
          </p>
        </section>
      )}

      {item && (
        <Notice tone="info" onDismiss={() => setPicked(null)}>
          <strong>Seed {item.seed}</strong>: land {formatPermille(item.landPermille)}, {item.settlements} settlements, {item.rivers} rivers.{' '}
          <button type="button" className="btn btn--primary btn--sm" onClick={() => void generate()} disabled={busy}>
            {busy ? 'Starting…' : 'Generate this seed as a world'}
          </button>
        </Notice>
      )}

      <section className="panel" aria-labelledby="grid-h">
        <div className="panel__head">
          <h2 id="grid-h">
            Seeds <span className="count">{batch.items.length}</span>
          </h2>
          <div className="sort-controls">
            <label htmlFor={`${fieldId}-sort`}>Sort by</label>
            <select id={`${fieldId}-sort`} className="select" value={sort} onChange={(e) => setSort({ sort: e.target.value })}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            <select className="select" value={order} onChange={(e) => setSort({ order: e.target.value })} aria-label="Order">
              <option value="asc">Ascending</option>
              <option value="desc">Descending</option>
            </select>
          </div>
        </div>
        {batch.items.length === 0 ? (
          running ? (
            <Spinner label="Waiting for the first seeds…" />
          ) : (
            <EmptyState title="No seeds generated" />
          )
        ) : (
          <ul className="batch-grid" aria-label="Batch thumbnails">
            {batch.items.map((i) => (
              <BatchTile key={i.index} item={i} sort={sort} selected={picked === i.seed} onPick={() => setPicked(picked === i.seed ? null : i.seed)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
