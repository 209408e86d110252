import { useState } from 'react';
import { api } from '../api/client';
import { toProblem, type ProblemError } from '../api/problem';
import type { BlobSweepReport, Job } from '../api/types';
import { JobProgress } from '../components/forge/JobProgress';
import { ProblemAlert, usePageTitle } from '../components/ui';
import { useJob } from '../hooks/useJob';
import { formatBytes, formatDateTime } from '../lib/format';

const counted = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Reads a finished sweep job's report; null when the result is missing or not a report. */
function reportOf(job: Job | null): BlobSweepReport | null {
  if (job?.status !== 'succeeded' || !job.result) return null;
  try {
    const r = JSON.parse(job.result) as Partial<BlobSweepReport>;
    return typeof r.stored === 'number' && typeof r.orphans === 'number' ? (r as BlobSweepReport) : null;
  } catch {
    return null;
  }
}

/**
 * `/admin/storage`: the blob store's sweep of unreferenced blobs (files a cancelled or failed job stored but no row
 * names). A dry run counts them; a sweep deletes those older than the grace period. Either runs as a job.
 */
export function AdminStoragePage() {
  usePageTitle('Storage');
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const job = useJob(jobId);
  const running = starting || (jobId !== null && (job === null || job.status === 'queued' || job.status === 'running'));
  const report = reportOf(job);

  const start = async (dryRun: boolean) => {
    setStarting(true);
    setProblem(null);
    setJobId(null);
    try {
      setJobId((await api.post<Job>('/api/admin/blobs/sweep', { dryRun })).id);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Storage</h1>
          <p className="muted">
            Files that work stored and no longer needs (a cancelled render, a failed export) stay in the blob store until a
            sweep finds that nothing names them. Every server sweeps every few hours; blobs put within the last day are
            always kept.
          </p>
        </div>
        <div className="btn-row btn-row--inline">
          <button type="button" className="btn" onClick={() => void start(true)} disabled={running}>
            Count unreferenced blobs
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void start(false)} disabled={running}>
            Sweep now
          </button>
        </div>
      </div>

      <ProblemAlert problem={problem} />
      {jobId && !report && (
        <section className="panel generating" aria-label="Sweep progress">
          <JobProgress job={job} label="Sweep progress" />
        </section>
      )}

      {report && (
        <section className="panel" aria-labelledby="sweep-h" data-testid="sweep-report">
          <div className="panel__head">
            <h2 id="sweep-h">{report.dryRun ? 'Dry run' : 'Sweep'} finished</h2>
            <span className="muted small">blobs last put before {formatDateTime(report.cutoff)} could go</span>
          </div>
          <dl className="facts">
            <dt>Stored</dt>
            <dd>{counted(report.stored, 'blob', 'blobs')}</dd>
            <dt>Named by a row</dt>
            <dd>{counted(report.referenced, 'hash', 'hashes')}</dd>
            <dt>Unreferenced and old enough</dt>
            <dd>
              {report.orphans.toLocaleString()} ({formatBytes(report.orphanBytes)})
            </dd>
            <dt>Deleted</dt>
            <dd>{report.dryRun ? 'nothing (dry run)' : `${report.deleted.toLocaleString()} (${formatBytes(report.deletedBytes)})`}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
