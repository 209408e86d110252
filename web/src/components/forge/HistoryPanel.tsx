import { useEffect, useState } from 'react';
import { forgeApi, type Snapshot, type WorldDiff } from '../../api/forge';
import { toProblem, type ProblemError } from '../../api/problem';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Badge, ProblemAlert, Spinner } from '../ui';

interface Props {
  worldId: string;
  snapshots: Snapshot[] | null;
  busy: boolean;
  onRollback(number: number): void;
}

/** Snapshots newest first; tick two to see what changed between them; roll back to any older one. */
export function HistoryPanel({ worldId, snapshots, busy, onRollback }: Props) {
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<WorldDiff | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [loading, setLoading] = useState(false);

  const toggle = (n: number) =>
    setPicked((cur) => (cur.includes(n) ? cur.filter((x) => x !== n) : [...cur, n].slice(-2)));

  const [from, to] = picked.length === 2 ? [Math.min(...picked), Math.max(...picked)] : [null, null];
  useEffect(() => {
    setDiff(null);
    setProblem(null);
    if (from === null || to === null) return;
    let live = true;
    setLoading(true);
    forgeApi
      .diff(worldId, from, to)
      .then((d) => live && setDiff(d))
      .catch((err) => live && setProblem(toProblem(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [worldId, from, to]);

  return (
    <section className="panel panel--tight" aria-labelledby="history-h">
      <h2 id="history-h">
        History {snapshots && <span className="count">{snapshots.length}</span>}
      </h2>
      {!snapshots ? (
        <Spinner label="Loading history…" />
      ) : (
        <>
          <p className="muted small">Tick two snapshots to compare them.</p>
          <ol className="snapshots" aria-label="Snapshots">
            {snapshots.map((s) => (
              <li key={s.number} className={`snapshot${s.isHead ? ' snapshot--head' : ''}`} data-snapshot={s.number}>
                <label className="snapshot__pick">
                  <input type="checkbox" checked={picked.includes(s.number)} onChange={() => toggle(s.number)} aria-label={`Compare snapshot ${s.number}`} />
                  <span className="snapshot__num">#{s.number}</span>
                </label>
                <div className="snapshot__body">
                  <div>
                    <span className="cell-strong">{s.kind === 'rollback' ? `Rollback to #${s.restoredFrom}` : s.kind === 'generated' ? 'Generated' : 'Edited'}</span>{' '}
                    {s.isHead && <Badge tone="info">Head</Badge>}
                  </div>
                  {s.message && <div className="snapshot__msg">{s.message}</div>}
                  <div className="cell-sub" title={formatDateTime(s.createdAt)}>
                    {formatRelative(s.createdAt)} · {s.overrides} override{s.overrides === 1 ? '' : 's'}
                  </div>
                </div>
                {!s.isHead && (
                  <button type="button" className="btn btn--sm" disabled={busy} onClick={() => onRollback(s.number)} aria-label={`Roll back to snapshot ${s.number}`}>
                    Roll back
                  </button>
                )}
              </li>
            ))}
          </ol>
          <div aria-live="polite">
            {loading && <Spinner label="Comparing…" />}
            <ProblemAlert problem={problem} />
            {diff && (
              <div className="diff" data-testid="diff">
                <p className="diff__title">
                  #{diff.from} → #{diff.to}: <strong>{diff.summary}</strong>
                </p>
                {diff.changes.length > 0 && (
                  <ul className="diff__list">
                    {diff.changes.map((c, i) => (
                      <li key={i} className={`diff__item diff__item--${c.kind.split('.').pop()}`}>
                        {c.text}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
