import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { forgeApi, type WorldView } from '../api/forge';
import { toProblem, type ProblemError } from '../api/problem';
import { isTerminal, type Project } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { JobProgress } from '../components/forge/JobProgress';
import { SceneCard } from '../components/stories/SceneCard';
import { EmptyState, Field, Notice, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { useJob } from '../hooks/useJob';
import { storiesApi, type SceneSummary, type SceneVisibility, type Topic } from '../stories/api';
import { isModerator } from '../stories/model';

const MAX_PROMPT = 1000;

/** Stories: topics to browse, the visible scenes (newest first) with their posters, and a form for a new scene. */
export function StoriesPage() {
  usePageTitle('Stories');
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic') ?? '';
  const mine = params.get('mine') === 'true';
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [topics, setTopics] = useState<Topic[] | null>(null);
  const [scenes, setScenes] = useState<SceneSummary[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (cur) => {
        const next = new URLSearchParams(cur);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const loadTopics = useCallback(() => storiesApi.topics().then(setTopics, (err) => setProblem(toProblem(err))), []);

  const loadScenes = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const list = await storiesApi.scenes({ topic: topic || undefined, mine, q: q || undefined, limit: 48 }, signal);
        if (!signal?.aborted) {
          setScenes(list);
          setProblem(null);
        }
      } catch (err) {
        if (!signal?.aborted) setProblem(toProblem(err));
      }
    },
    [topic, mine, q],
  );

  useEffect(() => {
    void loadTopics();
  }, [loadTopics]);

  useEffect(() => {
    const ctrl = new AbortController();
    setScenes(null);
    void loadScenes(ctrl.signal);
    return () => ctrl.abort();
  }, [loadScenes]);

  const topicById = new Map((topics ?? []).map((t) => [t.id, t]));

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Stories</h1>
          <p className="muted">Scenes told as short video segments that anyone can continue or fork, kept consistent by each scene&apos;s bible.</p>
        </div>
        {isModerator(me?.role) && (
          <Link className="btn" to="/stories/moderation">
            Moderation queue
          </Link>
        )}
      </div>
      <div className="layout-2col layout-2col--stories">
        <section className="panel" aria-labelledby="new-scene-h">
          <h2 id="new-scene-h">New scene</h2>
          <CreateSceneForm
            topics={topics ?? []}
            defaultTopic={topic}
            onFinished={() => {
              void loadScenes();
              void loadTopics();
            }}
          />
        </section>
        <section className="panel panel--list" aria-labelledby="scene-list-h">
          <h2 id="scene-list-h">Scenes</h2>
          <div className="story-filters">
            <nav className="chips" aria-label="Topics">
              <button type="button" className={`chip-btn${topic === '' ? ' chip-btn--active' : ''}`} aria-pressed={topic === ''} onClick={() => setParam('topic', null)}>
                All topics
              </button>
              {(topics ?? []).map((t) => (
                <button
                  key={t.id}
                  type="button"
                  className={`chip-btn${topic === t.id ? ' chip-btn--active' : ''}`}
                  aria-pressed={topic === t.id}
                  title={t.description}
                  onClick={() => setParam('topic', t.id)}
                >
                  {t.title} <span className="count">{t.sceneCount}</span>
                </button>
              ))}
            </nav>
            <form
              className="inline-form"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                setParam('q', search.trim() || null);
              }}
            >
              <label className="visually-hidden" htmlFor="scene-search">
                Search scenes
              </label>
              <input id="scene-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Search titles" maxLength={100} />
              <button type="submit" className="btn btn--sm">
                Search
              </button>
              <label className="check">
                <input type="checkbox" checked={mine} onChange={(e) => setParam('mine', e.target.checked ? 'true' : null)} /> Only mine
              </label>
            </form>
          </div>
          {problem ? (
            <>
              <ProblemAlert problem={problem} />
              <button type="button" className="btn" onClick={() => void loadScenes()}>
                Try again
              </button>
            </>
          ) : scenes === null ? (
            <div className="loading-block">
              <Spinner label="Loading scenes…" />
            </div>
          ) : scenes.length === 0 ? (
            <EmptyState title="No scenes here yet">
              <p>Start one with the form: a title and what happens first.</p>
            </EmptyState>
          ) : (
            <ul className="scene-grid" aria-label="Scenes">
              {scenes.map((s) => (
                <SceneCard key={s.id} scene={s} topic={s.topicId ? topicById.get(s.topicId) : undefined} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

/** Title, first prompt, topic, an optional Forge world and who may see it; then the first segment's live progress. */
function CreateSceneForm({ topics, defaultTopic, onFinished }: { topics: Topic[]; defaultTopic: string; onFinished(): void }) {
  const { refreshMe } = useAuth();
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [logline, setLogline] = useState('');
  const [topicId, setTopicId] = useState('');
  const [visibility, setVisibility] = useState<SceneVisibility>('public');
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [projectId, setProjectId] = useState('');
  const [worlds, setWorlds] = useState<WorldView[] | null>(null);
  const [worldId, setWorldId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [created, setCreated] = useState<{ sceneId: string; jobId: string; title: string } | null>(null);

  useEffect(() => {
    const t = topics.find((x) => x.id === defaultTopic);
    if (t) setTopicId(t.id);
  }, [topics, defaultTopic]);

  useEffect(() => {
    api.get<Project[]>('/api/projects').then(setProjects, () => setProjects([]));
  }, []);

  useEffect(() => {
    setWorldId('');
    if (!projectId) {
      setWorlds(null);
      return;
    }
    forgeApi.listWorlds(projectId).then(
      (list) => setWorlds(list.filter((w) => w.status === 'ready')),
      (err) => setProblem(toProblem(err)),
    );
  }, [projectId]);

  const job = useJob(created?.jobId ?? null, (j) => {
    if (isTerminal(j.status)) onFinished();
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const t = title.trim();
      const res = await storiesApi.createScene({
        title: t,
        prompt: prompt.trim(),
        ...(logline.trim() ? { logline: logline.trim() } : {}),
        ...(topicId ? { topicId } : {}),
        ...(worldId ? { worldId } : {}),
        visibility,
      });
      setCreated({ sceneId: res.sceneId, jobId: res.jobId, title: t });
      setTitle('');
      setPrompt('');
      setLogline('');
      onFinished();
      void refreshMe();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {created && (
        <div className="story-created" data-testid="scene-created">
          <Notice tone={job?.status === 'succeeded' ? 'success' : 'info'} onDismiss={() => setCreated(null)}>
            <Link to={`/stories/scenes/${created.sceneId}`}>{created.title}</Link>: {job?.status === 'succeeded' ? 'the first segment is ready.' : 'making the first segment.'}
          </Notice>
          {!(job && isTerminal(job.status)) && <JobProgress job={job} label={`${created.title} progress`} />}
        </div>
      )}
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Create scene">
        <ProblemAlert problem={problem} knownFields={['title', 'prompt', 'logline', 'topicId', 'worldId']} />
        <Field label="Title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} errors={problem?.forField('title')} maxLength={120} required />
        <div className={`field${problem?.forField('prompt').length ? ' field--invalid' : ''}`}>
          <label htmlFor="scene-prompt">What happens first</label>
          <textarea
            id="scene-prompt"
            className="textarea"
            rows={4}
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            maxLength={MAX_PROMPT}
            placeholder="Mira climbs the old tower at dusk, her red cloak in the wind."
            aria-invalid={problem?.forField('prompt').length ? true : undefined}
          />
          <p className="field__hint">
            {prompt.length}/{MAX_PROMPT} characters. Names you use become characters and places in the scene&apos;s bible.
          </p>
          {problem?.forField('prompt').map((m, i) => (
            <p key={i} className="error-text">
              {m}
            </p>
          ))}
        </div>
        <Field label="Logline (optional)" name="logline" value={logline} onChange={(e) => setLogline(e.target.value)} errors={problem?.forField('logline')} maxLength={300} />
        <div className="field">
          <label htmlFor="scene-topic">Topic</label>
          <select id="scene-topic" className="select select--block" value={topicId} onChange={(e) => setTopicId(e.target.value)}>
            <option value="">No topic</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="scene-project">Forge world (optional)</label>
          <select id="scene-project" className="select select--block" value={projectId} onChange={(e) => setProjectId(e.target.value)} disabled={!projects?.length}>
            <option value="">No world: a cast for the topic</option>
            {(projects ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                Project: {p.name}
              </option>
            ))}
          </select>
          {projectId && (
            <select aria-label="World" className="select select--block" value={worldId} onChange={(e) => setWorldId(e.target.value)} disabled={!worlds?.length}>
              <option value="">{worlds?.length === 0 ? 'No generated world in this project' : 'Pick a world'}</option>
              {(worlds ?? []).map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          )}
          {problem?.forField('worldId').map((m, i) => (
            <p key={i} className="error-text">
              {m}
            </p>
          ))}
        </div>
        <div className="field">
          <label htmlFor="scene-visibility">Who may see it</label>
          <select id="scene-visibility" className="select select--block" value={visibility} onChange={(e) => setVisibility(e.target.value as SceneVisibility)}>
            <option value="public">Everyone signed in</option>
            <option value="private">Only you</option>
          </select>
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy || !title.trim() || !prompt.trim()}>
          {busy ? 'Creating…' : 'Create scene'}
        </button>
      </form>
    </>
  );
}
