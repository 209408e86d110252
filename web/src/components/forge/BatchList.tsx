import { Link } from 'react-router-dom';
import type { BatchView } from '../../api/forge';
import { capitalize, formatRelative } from '../../lib/format';
import { describeParams } from '../../lib/worldParams';
import { Badge, EmptyState } from '../ui';

const TONE: Record<string, string> = { queued: 'neutral', running: 'info', succeeded: 'success', failed: 'danger', cancelled: 'muted' };

export function BatchList({ batches }: { batches: BatchView[] }) {
  if (batches.length === 0) {
    return (
      <EmptyState title="No batches yet">
        <p>Start one with the form.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="batch-list" aria-label="Batches">
      {batches.map((b) => (
        <li key={b.id}>
          <Link to={`/batches/${b.id}`} className="cell-strong">
            {b.seeds} seeds · {describeParams(b.parameters)}
          </Link>{' '}
          {b.job && <Badge tone={TONE[b.job.status] ?? 'neutral'}>{capitalize(b.job.status)}</Badge>}
          <div className="cell-sub">Started {formatRelative(b.createdAt)}</div>
        </li>
      ))}
    </ul>
  );
}
