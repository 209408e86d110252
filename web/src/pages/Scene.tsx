import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toProblem, type ProblemError } from '../api/problem';
import { isTerminal } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { JobProgress } from '../components/forge/JobProgress';
import { ReportButton } from '../components/stories/ReportButton';
import { ScenePlayer } from '../components/stories/ScenePlayer';
import { SegmentItem } from '../components/stories/SegmentItem';
import { Badge, EmptyState, Field, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { useJob } from '../hooks/useJob';
import { formatDateTime } from '../lib/format';
import { storiesApi, type Scene } from '../stories/api';
import { continueBlocker, forkPoints, isPlaced, pendingSegment, playableSegments, segmentAt } from '../stories/model';

const MAX_PROMPT = 1000;

/** One scene: the stitched video, its segments with their continuity reports, continue, fork and report. */
export function ScenePage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [scene, setScene] = useState<Scene | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [playingIndex, setPlayingIndex] = useState<number | null>(null);
  const [forkAt, setForkAt] = useState<number | null>(null);
  const asked = useRef(0);
  usePageTitle(scene?.title ?? 'Scene');

  const load = useCallback(async () => {
    const n = ++asked.current;
    try {
      const s = await storiesApi.scene(id);
      if (n === asked.current) {
        setScene(s);
        setProblem(null);
      }
    } catch (err) {
      if (n === asked.current) setProblem(toProblem(err));
    }
  }, [id]);

  useEffect(() => {
    setScene(null);
    void load();
  }, [load]);

  const pending = scene ? pendingSegment(scene) : null;
  const job = useJob(pending?.jobId ?? null, (j) => {
    if (isTerminal(j.status)) void load();
  });

  if (problem && !scene) {
    return (
      <div className="page">
        <ProblemAlert problem={problem} />
        <Link to="/stories" className="back-link">
          ← Stories
        </Link>
      </div>
    );
  }
  if (!scene) {
    return (
      <div className="page">
        <div className="loading-block">
          <Spinner label="Loading the scene…" />
        </div>
      </div>
    );
  }

  const playable = playableSegments(scene);
  const playlistVersion = playable.map((s) => s.id).join(',');
  const owner = me?.id === scene.ownerId;
  const forkedAt = scene.forkedAtSegment ?? 0;

  return (
    <div className="page">
      <Link to="/stories" className="back-link">
        ← Stories
      </Link>
      <div className="page-head">
        <div>
          <h1>{scene.title}</h1>
          {scene.logline && <p className="muted">{scene.logline}</p>}
          <p className="cell-sub">
            by {scene.ownerName} · {formatDateTime(scene.createdAt)} · seed <span className="mono">{String(scene.seed)}</span>{' '}
            {scene.visibility === 'private' && <Badge tone="warning">Private</Badge>} {scene.status === 'removed' && <Badge tone="danger">Removed</Badge>}
            {scene.parentSceneId && (
              <>
                {' '}
                · forked from <Link to={`/stories/scenes/${scene.parentSceneId}`}>the original</Link> after segment {scene.forkedAtSegment}
              </>
            )}
          </p>
        </div>
        <div className="btn-row btn-row--inline">
          <Link className="btn" to={`/stories/scenes/${scene.id}/bible`}>
            Scene bible
          </Link>
          <Link className="btn" to={`/stories/scenes/${scene.id}/tree`}>
            Fork tree
          </Link>
          {!owner && <ReportButton sceneId={scene.id} what="scene" />}
          {owner && <DeleteScene scene={scene} onDeleted={() => navigate('/stories')} />}
        </div>
      </div>
      <div className="scene-layout">
        <div className="scene-layout__main">
          <section className="panel" aria-label="Video">
            {playable.length > 0 ? (
              <>
                <ScenePlayer sceneId={scene.id} version={playlistVersion} onTime={(t) => setPlayingIndex(segmentAt(scene, t))} />
                <p className="small muted" data-testid="scene-player-status">
                  {playable.length} segment{playable.length === 1 ? '' : 's'} ready
                  {playingIndex !== null && ` · playing segment ${playingIndex}`}
                </p>
              </>
            ) : (
              <EmptyState title={pending ? 'The first segment is being made' : 'Nothing to play yet'}>
                {pending && <p>It appears here when it is ready.</p>}
              </EmptyState>
            )}
          </section>
          <section className="panel" aria-labelledby="continue-h">
            <h2 id="continue-h">Continue the scene</h2>
            {pending && (
              <div className="story-pending" data-testid="segment-progress">
                <p className="small">
                  {isPlaced(pending) ? `Segment ${pending.index}` : 'Next segment'}: “{pending.prompt}”
                </p>
                <JobProgress job={job} label="Segment progress" />
              </div>
            )}
            <ContinueForm scene={scene} onQueued={load} />
          </section>
          {forkAt !== null && (
            <section className="panel" aria-labelledby="fork-h">
              <h2 id="fork-h">Fork the scene</h2>
              <ForkForm scene={scene} at={forkAt} onCancel={() => setForkAt(null)} onForked={(sceneId) => navigate(`/stories/scenes/${sceneId}`)} />
            </section>
          )}
        </div>
        <section className="panel scene-layout__side" aria-labelledby="segments-h">
          <h2 id="segments-h">Segments</h2>
          {scene.segments.length === 0 ? (
            <EmptyState title="No segments" />
          ) : (
            <ol className="segment-list" aria-label="Segments">
              {scene.segments.map((s) => (
                <SegmentItem
                  key={s.id}
                  segment={s}
                  sceneId={scene.id}
                  mine={s.createdBy === me?.id}
                  inherited={s.sceneId !== scene.id && isPlaced(s) && (s.index ?? 0) <= forkedAt}
                  playing={s.status === 'ready' && s.index === playingIndex}
                  onFork={forkPoints(scene).length > 0 ? setForkAt : undefined}
                />
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}

function ContinueForm({ scene, onQueued }: { scene: Scene; onQueued(): Promise<void> }) {
  const { refreshMe } = useAuth();
  const [prompt, setPrompt] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const blocker = continueBlocker(scene);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await storiesApi.continueScene(scene.id, prompt.trim());
      setPrompt('');
      await onQueued();
      void refreshMe();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Continue scene">
      <ProblemAlert problem={problem} knownFields={['prompt']} />
      <div className={`field${problem?.forField('prompt').length ? ' field--invalid' : ''}`}>
        <label htmlFor="continue-prompt">What happens next</label>
        <textarea
          id="continue-prompt"
          className="textarea"
          rows={3}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          maxLength={MAX_PROMPT}
          aria-invalid={problem?.forField('prompt').length ? true : undefined}
        />
        {problem?.forField('prompt').map((m, i) => (
          <p key={i} className="error-text">
            {m}
          </p>
        ))}
        {blocker && <p className="field__hint">{blocker}</p>}
      </div>
      <button type="submit" className="btn btn--primary" disabled={busy || !!blocker || !prompt.trim()}>
        {busy ? 'Queuing…' : 'Continue'}
      </button>
    </form>
  );
}

function ForkForm({ scene, at, onCancel, onForked }: { scene: Scene; at: number; onCancel(): void; onForked(sceneId: string): void }) {
  const points = forkPoints(scene);
  const [atSegment, setAtSegment] = useState(at);
  const [title, setTitle] = useState(`${scene.title} (fork)`);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  useEffect(() => setAtSegment(at), [at]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const res = await storiesApi.fork(scene.id, atSegment, title);
      onForked(res.sceneId);
    } catch (err) {
      setProblem(toProblem(err));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Fork scene">
      <ProblemAlert problem={problem} knownFields={['atSegment', 'title']} />
      <p className="small muted">A fork shares segments 1 to {atSegment} with this scene (the same video, nothing copied) and goes its own way after them.</p>
      <div className="field">
        <label htmlFor="fork-at">Keep segments up to</label>
        <select id="fork-at" className="select select--block" value={atSegment} onChange={(e) => setAtSegment(Number(e.target.value))}>
          {points.map((p) => (
            <option key={p} value={p}>
              Segment {p}
            </option>
          ))}
        </select>
        {problem?.forField('atSegment').map((m, i) => (
          <p key={i} className="error-text">
            {m}
          </p>
        ))}
      </div>
      <Field label="Title of the fork" name="title" value={title} onChange={(e) => setTitle(e.target.value)} errors={problem?.forField('title')} maxLength={120} />
      <div className="btn-row btn-row--inline">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Forking…' : 'Fork'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteScene({ scene, onDeleted }: { scene: Scene; onDeleted(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
    );
  }
  return (
    <span className="inline-form">
      <ProblemAlert problem={problem} />
      <button
        type="button"
        className="btn btn--danger"
        onClick={() =>
          storiesApi.deleteScene(scene.id).then(onDeleted, (err) => setProblem(toProblem(err)))
        }
      >
        Delete “{scene.title}”
      </button>
      <button type="button" className="btn" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  );
}
