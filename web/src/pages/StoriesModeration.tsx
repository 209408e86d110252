import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toProblem, type ProblemError } from '../api/problem';
import { EmptyState, Notice, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { formatRelative } from '../lib/format';
import { storiesApi, type ReportAction, type StoryReport } from '../stories/api';

const ACTION_DONE: Record<ReportAction, string> = {
  approve: 'Approved: the report is closed and the content stays.',
  remove: 'Removed: only its author and moderators see it now.',
  ban: 'Removed, and the author may no longer generate stories.',
};

/** The moderation queue: open reports on scenes and segments, each approved, removed, or removed with a ban. */
export function StoriesModerationPage() {
  usePageTitle('Stories moderation');
  const [reports, setReports] = useState<StoryReport[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setReports(await storiesApi.reports('open'));
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const resolve = async (r: StoryReport, action: ReportAction) => {
    setBusy(r.id);
    setProblem(null);
    try {
      await storiesApi.resolveReport(r.id, action, notes[r.id]);
      setDone(ACTION_DONE[action]);
      setReports((list) => (list ?? []).filter((x) => x.id !== r.id));
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <Link to="/stories" className="back-link">
        ← Stories
      </Link>
      <div className="page-head">
        <div>
          <h1>Stories moderation</h1>
          <p className="muted">Open reports, oldest first. Approve keeps the content; remove hides it from everyone but its author; ban also stops its author generating stories.</p>
        </div>
      </div>
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)}>
          {done}
        </Notice>
      )}
      <ProblemAlert problem={problem} />
      {reports === null ? (
        !problem && (
          <div className="loading-block">
            <Spinner label="Loading reports…" />
          </div>
        )
      ) : reports.length === 0 ? (
        <EmptyState title="No open reports" />
      ) : (
        <ul className="report-list" aria-label="Reports">
          {reports.map((r) => (
            <li key={r.id} className="panel report" data-report-id={r.id}>
              <p>
                <strong>{r.segmentId ? 'Segment' : 'Scene'}</strong> of <Link to={`/stories/scenes/${r.sceneId}`}>{r.sceneTitle ?? r.sceneId}</Link>
                {' · '}reported {formatRelative(r.createdAt)}
              </p>
              {r.prompt && <blockquote className="report__prompt">{r.prompt}</blockquote>}
              <p>
                Reason: <em>{r.reason}</em>
              </p>
              <div className="inline-form">
                <label className="visually-hidden" htmlFor={`note-${r.id}`}>
                  Note
                </label>
                <input
                  id={`note-${r.id}`}
                  placeholder="Note for the record (optional)"
                  value={notes[r.id] ?? ''}
                  onChange={(e) => setNotes((n) => ({ ...n, [r.id]: e.target.value }))}
                  maxLength={500}
                />
                <button type="button" className="btn btn--sm" disabled={busy === r.id} onClick={() => void resolve(r, 'approve')}>
                  Approve
                </button>
                <button type="button" className="btn btn--sm btn--danger" disabled={busy === r.id} onClick={() => void resolve(r, 'remove')}>
                  Remove
                </button>
                <button type="button" className="btn btn--sm btn--danger" disabled={busy === r.id} onClick={() => void resolve(r, 'ban')}>
                  Remove and ban author
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
