import type { Job } from '../../api/types';
import { stageLabel } from '../../lib/jobs';
import { ProgressBar } from '../ui';

/** A job's progress bar with its current stage in words ("Rivers and lakes · 47%"). */
export function JobProgress({ job, label }: { job: Job | null; label: string }) {
  const progress = job?.progress ?? 0;
  const stage = job ? stageLabel(job.stage || job.status) : 'Waiting for the first update';
  return (
    <div className="job-progress" data-testid="job-progress">
      <div className="progress-cell">
        <ProgressBar value={progress} label={label} tone={job?.status ?? 'queued'} />
        <span className="progress-cell__pct">{Math.round(progress)}%</span>
      </div>
      <p className="job-progress__stage" aria-live="polite">
        {job?.error ? <span className="text-danger">{job.error}</span> : stage}
      </p>
    </div>
  );
}
