import { formatRelative } from '../../lib/format';
import type { ContinuityFinding, Segment } from '../../stories/api';
import { continuitySummary, isPlaced, segmentLabel, SEGMENT_LABEL, SEGMENT_TONE } from '../../stories/model';
import { Badge } from '../ui';
import { ReportButton } from './ReportButton';

/** One segment: its number, status, prompt and continuity report (corrections and violations), with fork and report. */
export function SegmentItem({
  segment,
  sceneId,
  mine,
  inherited,
  playing,
  onFork,
}: {
  segment: Segment;
  sceneId: string;
  /** Made by the caller, who cannot report it. */
  mine: boolean;
  /** Made by the scene this one was forked from. */
  inherited: boolean;
  playing: boolean;
  onFork?: (index: number) => void;
}) {
  const c = segment.continuity;
  const label = segmentLabel(segment);
  return (
    <li className={`segment${playing ? ' segment--playing' : ''}`} data-segment-id={segment.id} data-status={segment.status} aria-current={playing ? 'true' : undefined}>
      <div className="segment__head">
        <strong>{label}</strong> <Badge tone={SEGMENT_TONE[segment.status]}>{SEGMENT_LABEL[segment.status]}</Badge>
        {inherited && <Badge tone="muted">From the original</Badge>}
        {segment.durationMs ? <span className="cell-sub">{(segment.durationMs / 1000).toFixed(1)} s</span> : null}
        <span className="cell-sub">{formatRelative(segment.createdAt)}</span>
      </div>
      <p className="segment__prompt">{segment.prompt}</p>
      {segment.summary && <p className="small muted">{segment.summary}</p>}
      {segment.error && <p className="small text-danger">{segment.error}</p>}
      {c && (
        <details className="segment__continuity" open={!c.passed}>
          <summary data-testid="continuity-summary">Continuity: {continuitySummary(c)}</summary>
          <Findings title="Violations" items={c.violations} tone="danger" />
          <Findings title="Corrections" items={c.corrections} tone="info" />
        </details>
      )}
      <div className="btn-row btn-row--inline">
        {onFork && segment.status === 'ready' && isPlaced(segment) && (
          <button type="button" className="btn btn--sm" onClick={() => onFork(segment.index!)}>
            Fork after this
          </button>
        )}
        {!mine && <ReportButton sceneId={sceneId} segmentId={segment.id} what={label.toLowerCase()} />}
      </div>
    </li>
  );
}

function Findings({ title, items, tone }: { title: string; items: ContinuityFinding[]; tone: string }) {
  if (items.length === 0) return null;
  return (
    <div className={`findings findings--${tone}`}>
      <p className="findings__title">{title}</p>
      <ul>
        {items.map((f, i) => (
          <li key={i}>
            {f.message}{' '}
            <span className="cell-sub">
              {f.rule !== 'bible' && f.rule !== 'plan' && f.ruleText ? (
                <>
                  rule <code>{f.rule}</code>: “{f.ruleText}”
                </>
              ) : (
                <code>{f.rule}</code>
              )}
              {typeof f.shot === 'number' && ` · shot ${f.shot + 1}`}
              {f.from && f.to && ` · ${f.from} → ${f.to}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
