import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { toProblem, type ProblemError } from '../api/problem';
import { isTerminal, type Job, type JobStatus } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Badge, EmptyState, Notice, ProblemAlert, ProgressBar, Spinner, usePageTitle } from '../components/ui';
import { capitalize, formatDateTime, formatRelative } from '../lib/format';
import { mergeJob, watchJob } from '../lib/jobs';

const STATUS_TONE: Record<JobStatus, string> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'muted',
};

const POLL_MS = 20_000;

export function JobsPage() {
  usePageTitle('Jobs');
  const { refreshMe } = useAuth();
  const [jobs, setJobs] = useState<Job[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [actionProblem, setActionProblem] = useState<ProblemError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [cancelling, setCancelling] = useState<string | null>(null);
  const streams = useRef(new Map<string, AbortController>());
  const jobsRef = useRef<Job[] | null>(null);
  jobsRef.current = jobs;

  const onStreamJob = useCallback(
    (job: Job) => {
      const before = jobsRef.current?.find((j) => j.id === job.id);
      if (before && !isTerminal(before.status) && isTerminal(job.status)) {
        setAnnouncement(`${capitalize(job.kind)} job ${job.status}.`);
        void refreshMe();
      }
      setJobs((list) => mergeJob(list ?? [], job));
    },
    [refreshMe],
  );

  const load = useCallback(async () => {
    try {
      const list = await api.get<Job[]>('/api/jobs');
      setProblem(null);
      setJobs((cur) => {
        if (!cur) return list;
        let merged = list.slice();
        // Keep any fresher streamed copy.
        for (const j of cur) {
          const fresh = merged.find((x) => x.id === j.id);
          if (fresh && (j.updatedAt ?? '') > (fresh.updatedAt ?? '')) merged = mergeJob(merged, j);
        }
        return merged;
      });
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, []);

  useEffect(() => {
    void load();
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => clearInterval(t);
  }, [load]);

  // One streaming subscription per unfinished job.
  useEffect(() => {
    const active = new Set((jobs ?? []).filter((j) => !isTerminal(j.status)).map((j) => j.id));
    for (const [id, ctrl] of streams.current) {
      if (!active.has(id)) {
        ctrl.abort();
        streams.current.delete(id);
      }
    }
    for (const id of active) {
      if (streams.current.has(id)) continue;
      const ctrl = new AbortController();
      streams.current.set(id, ctrl);
      void watchJob(id, onStreamJob, ctrl.signal).finally(() => {
        if (streams.current.get(id) === ctrl) streams.current.delete(id);
      });
    }
  }, [jobs, onStreamJob]);

  useEffect(() => {
    const map = streams.current;
    return () => {
      for (const ctrl of map.values()) ctrl.abort();
      map.clear();
    };
  }, []);

  const cancel = async (job: Job) => {
    setCancelling(job.id);
    setActionProblem(null);
    try {
      await api.del(`/api/jobs/${encodeURIComponent(job.id)}`);
      setJobs((list) => mergeJob(list ?? [], { ...job, status: 'cancelled', updatedAt: new Date().toISOString() }));
      setAnnouncement(`${capitalize(job.kind)} job cancelled.`);
      void load();
    } catch (err) {
      setActionProblem(toProblem(err));
    } finally {
      setCancelling(null);
    }
  };

  const running = (jobs ?? []).filter((j) => !isTerminal(j.status)).length;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Jobs</h1>
          <p className="muted">Background work for your projects. Progress updates live.</p>
        </div>
        <button type="button" className="btn" onClick={() => void load()}>
          Refresh
        </button>
      </div>

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ProblemAlert problem={actionProblem} />

      <section className="panel" aria-labelledby="jobs-h">
        <div className="panel__head">
          <h2 id="jobs-h">
            All jobs {jobs && <span className="count">{jobs.length}</span>}
          </h2>
          {running > 0 && <Badge tone="info">{running} in progress</Badge>}
        </div>
        {problem && !jobs ? (
          <>
            <ProblemAlert problem={problem} />
            <button type="button" className="btn" onClick={() => void load()}>
              Try again
            </button>
          </>
        ) : jobs === null ? (
          <div className="loading-block">
            <Spinner label="Loading jobs…" />
          </div>
        ) : jobs.length === 0 ? (
          <EmptyState title="No jobs yet">
            <p>Jobs appear here when you start generation or export tasks.</p>
          </EmptyState>
        ) : (
          <>
            {problem && <Notice tone="warning">Could not refresh the list: {problem.summary}</Notice>}
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Jobs and their progress</caption>
                <thead>
                  <tr>
                    <th scope="col">Job</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="col-progress">
                      Progress
                    </th>
                    <th scope="col">Updated</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {jobs.map((j) => (
                    <tr key={j.id} data-job-id={j.id}>
                      <td>
                        <div className="cell-strong">{capitalize(j.kind)}</div>
                        <div className="cell-sub mono" title={j.id}>
                          {j.id.slice(0, 8)}
                        </div>
                      </td>
                      <td>
                        <Badge tone={STATUS_TONE[j.status] ?? 'neutral'}>{capitalize(j.status)}</Badge>
                      </td>
                      <td className="col-progress">
                        <div className="progress-cell">
                          <ProgressBar value={j.progress} label={`${capitalize(j.kind)} progress`} tone={j.status} />
                          <span className="progress-cell__pct">{Math.round(j.progress ?? 0)}%</span>
                        </div>
                        <div className="cell-sub">{j.error ? <span className="text-danger">{j.error}</span> : j.stage || '\u00a0'}</div>
                      </td>
                      <td>
                        <span title={formatDateTime(j.updatedAt)}>{formatRelative(j.updatedAt)}</span>
                      </td>
                      <td className="cell-actions">
                        {!isTerminal(j.status) && (
                          <button
                            type="button"
                            className="btn btn--sm btn--danger"
                            onClick={() => cancel(j)}
                            disabled={cancelling === j.id}
                            aria-label={`Cancel ${j.kind} job ${j.id.slice(0, 8)}`}
                          >
                            {cancelling === j.id ? 'Cancelling…' : 'Cancel'}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
