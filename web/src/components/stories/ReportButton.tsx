import { useState, type FormEvent } from 'react';
import { toProblem, type ProblemError } from '../../api/problem';
import { storiesApi } from '../../stories/api';
import { ProblemAlert } from '../ui';

/** "Report" on a scene or one of its segments: a reason, sent to the moderation queue; one open report per target. */
export function ReportButton({ sceneId, segmentId, what }: { sceneId: string; segmentId?: string; what: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  if (done) return <span className="small muted">Reported. Thank you.</span>;
  if (!open) {
    return (
      <button type="button" className="btn btn--sm" onClick={() => setOpen(true)}>
        Report {what}
      </button>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await storiesApi.report({ sceneId, ...(segmentId ? { segmentId } : {}), reason: reason.trim() });
      setDone(true);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form story-report" onSubmit={onSubmit} aria-label={`Report ${what}`}>
      <ProblemAlert problem={problem} knownFields={['reason']} />
      <label className="visually-hidden" htmlFor={`report-${segmentId ?? sceneId}`}>
        Why report {what}?
      </label>
      <input
        id={`report-${segmentId ?? sceneId}`}
        className="story-report__reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="What is wrong with it?"
        maxLength={1000}
        required
      />
      {problem?.forField('reason').map((m, i) => (
        <p key={i} className="error-text">
          {m}
        </p>
      ))}
      <button type="submit" className="btn btn--sm btn--danger" disabled={busy || !reason.trim()}>
        {busy ? 'Sending…' : 'Send report'}
      </button>
      <button type="button" className="btn btn--sm" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
