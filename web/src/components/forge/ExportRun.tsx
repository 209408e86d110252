import type { EngineStatus, ExportView } from '../../api/exports';
import type { Job } from '../../api/types';
import { formatBytes } from '../../lib/format';
import { shortHash } from '../../lib/format';
import { Badge, ProgressBar } from '../ui';

interface Props {
  view: ExportView | null;
  job: Job | null;
  onDownload(view: ExportView): void;
  onAgain(): void;
}

const TONE: Record<EngineStatus['status'], string> = { queued: 'muted', running: 'info', done: 'success' };
const LABEL: Record<EngineStatus['status'], string> = { queued: 'Queued', running: 'Running…', done: 'Done' };

/** One export under way: the overall bar, each engine's status and size, then the download. */
export function ExportRun({ view, job, onDownload, onAgain }: Props) {
  const ready = view?.status === 'ready';
  const failed = view?.status === 'failed';
  // The job's events arrive first; the export's view catches up with each of them.
  const progress = ready ? 100 : Math.max(job?.progress ?? 0, view?.progress ?? 0);
  const stage = ready ? 'Ready' : failed ? 'Failed' : (job?.stage ?? view?.stage ?? 'Waiting for a worker');
  return (
    <section className="export-run" aria-labelledby="export-run-h">
      <h3 id="export-run-h" className="visually-hidden">
        Export progress
      </h3>
      <div className="progress-cell">
        <ProgressBar value={progress} label="Export progress" tone={failed ? 'failed' : ready ? 'succeeded' : 'running'} />
        <span className="progress-cell__pct">{Math.round(progress)}%</span>
      </div>
      <p className="job-progress__stage" aria-live="polite">
        {failed ? <span className="text-danger">{view?.error ?? 'The export failed.'}</span> : stage}
      </p>
      <ul className="engine-status" aria-label="Engine status">
        {(view?.engineStatus ?? []).map((e) => (
          <li key={e.engine} data-engine={e.engine} data-status={e.status}>
            <span className="engine-status__title">{e.title}</span>
            <Badge tone={TONE[e.status]}>{LABEL[e.status]}</Badge>
            <span className="engine-status__size muted">{e.status === 'done' ? `${e.files} ${e.files === 1 ? 'file' : 'files'} · ${formatBytes(e.bytes)}` : ''}</span>
          </li>
        ))}
      </ul>
      {ready && view.bundle && (
        <div className="export-run__ready">
          <p className="small">
            <strong>{view.bundle.fileName}</strong> · {formatBytes(view.bundle.size)} · {view.bundle.files} files · signed by <span className="mono">{shortHash(view.bundle.keyId, 8, 4)}</span>
          </p>
          <div className="btn-row">
            <button type="button" className="btn btn--primary" onClick={() => onDownload(view)}>
              Download ZIP
            </button>
            <button type="button" className="btn" onClick={onAgain}>
              Export again
            </button>
          </div>
        </div>
      )}
      {failed && (
        <div className="btn-row">
          <button type="button" className="btn" onClick={onAgain}>
            Try again
          </button>
        </div>
      )}
    </section>
  );
}
