import type { ExportView } from '../../api/exports';
import { formatBytes } from '../../lib/format';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Badge, Spinner } from '../ui';

interface Props {
  exports: ExportView[] | null;
  /** The export the dialog is showing above, left out here. */
  current: string | null;
  onDownload(view: ExportView): void;
}

const TONE = { queued: 'muted', running: 'info', ready: 'success', failed: 'danger' } as const;

/** Earlier exports of the world, newest first, each downloadable once ready. */
export function ExportList({ exports, current, onDownload }: Props) {
  const others = exports?.filter((e) => e.id !== current) ?? null;
  return (
    <section className="export-list" aria-labelledby="export-list-h">
      <h3 id="export-list-h">Earlier exports {others && <span className="count">{others.length}</span>}</h3>
      {!others ? (
        <Spinner label="Loading exports…" />
      ) : others.length === 0 ? (
        <p className="muted small">None yet.</p>
      ) : (
        <ul className="plain-list export-list__items" aria-label="Earlier exports">
          {others.map((e) => (
            <li key={e.id}>
              <div className="export-list__main">
                <span className="export-list__engines">{e.engineStatus.map((s) => s.title).join(', ')}</span>
                <span className="muted small">
                  Snapshot #{e.snapshot} · <time dateTime={e.createdAt} title={formatDateTime(e.createdAt)}>{formatRelative(e.createdAt)}</time>
                  {e.bundle && <> · {formatBytes(e.bundle.size)}</>}
                </span>
              </div>
              <Badge tone={TONE[e.status]}>{e.status}</Badge>
              {e.status === 'ready' && (
                <button type="button" className="btn btn--sm" onClick={() => onDownload(e)} aria-label={`Download the export of ${formatDateTime(e.createdAt)}`}>
                  Download
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
