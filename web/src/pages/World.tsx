import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { forgeApi, type Snapshot, type WorldFeatures, type WorldView } from '../api/forge';
import { toProblem, type ProblemError } from '../api/problem';
import { Badge, Notice, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { ExportDialog } from '../components/forge/ExportDialog';
import { JobProgress } from '../components/forge/JobProgress';
import { WorldEditor } from '../components/forge/WorldEditor';
import { useJob } from '../hooks/useJob';
import { describeParams } from '../lib/worldParams';
import { terrainFromDocument, type Terrain } from '../lib/worldLayers';

/** Worlds above this many cells skip the hover details: their document is too big to fetch for a tooltip. */
const MAX_TERRAIN_CELLS = 2048 * 2048;

export function WorldPage() {
  const { id = '' } = useParams();
  const [world, setWorld] = useState<WorldView | null>(null);
  const [features, setFeatures] = useState<WorldFeatures | null>(null);
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [terrain, setTerrain] = useState<Terrain | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [exporting, setExporting] = useState(false);
  usePageTitle(world?.name ?? 'World');

  const reload = useCallback(async () => {
    try {
      const w = await forgeApi.getWorld(id);
      setWorld(w);
      setProblem(null);
      if (w.status !== 'ready') return w;
      const [f, s] = await Promise.all([forgeApi.features(id), forgeApi.snapshots(id)]);
      setFeatures(f);
      setSnapshots(s);
      return w;
    } catch (err) {
      setProblem(toProblem(err));
      return null;
    }
  }, [id]);

  useEffect(() => {
    setWorld(null);
    setFeatures(null);
    setSnapshots(null);
    setTerrain(null);
    void reload();
  }, [reload]);

  // Heights and biomes for the hover box, decoded once. Settlement and POI edits leave the terrain as it is, so
  // later snapshots reuse it.
  const ready = world?.status === 'ready';
  const cells = world ? world.parameters.width * world.parameters.height : 0;
  useEffect(() => {
    if (!ready || cells > MAX_TERRAIN_CELLS) return;
    const ctrl = new AbortController();
    forgeApi
      .document(id, ctrl.signal)
      .then((doc) => setTerrain(terrainFromDocument(doc)))
      .catch(() => {
        /* hover details are a nicety; the map works without them */
      });
    return () => ctrl.abort();
  }, [id, ready, cells]);

  const job = useJob(world?.status === 'generating' ? world.jobId : null, (j) => {
    if (j.status === 'succeeded' || j.status === 'failed' || j.status === 'cancelled') void reload();
  });

  return (
    <div className="page page--wide">
      <div className="page-head">
        <div>
          {world && (
            <Link to={`/projects/${world.projectId}`} className="back-link">
              ← Project
            </Link>
          )}
          <h1>{world?.name ?? 'World'}</h1>
          {world && (
            <p className="muted">
              Seed <span className="mono">{world.seed}</span> · {describeParams(world.parameters)}
              {world.head > 0 && <> · snapshot #{world.head}</>} {world.status !== 'ready' && <Badge tone={world.status === 'failed' ? 'danger' : 'info'}>{world.status}</Badge>}
            </p>
          )}
        </div>
        {world?.status === 'ready' && (
          <button type="button" className="btn btn--primary" onClick={() => setExporting(true)}>
            Export
          </button>
        )}
      </div>
      {exporting && world && <ExportDialog world={world} onClose={() => setExporting(false)} />}
      <ProblemAlert problem={problem} />
      {!world ? (
        !problem && (
          <div className="loading-block">
            <Spinner label="Loading world…" />
          </div>
        )
      ) : world.status === 'generating' ? (
        <section className="panel generating" aria-labelledby="gen-h">
          <h2 id="gen-h">Generating…</h2>
          <JobProgress job={job} label="World generation progress" />
        </section>
      ) : world.status === 'failed' ? (
        <Notice tone="warning">Generation failed: {world.error ?? 'unknown error'}</Notice>
      ) : !features ? (
        <div className="loading-block">
          <Spinner label="Loading map…" />
        </div>
      ) : (
        <WorldEditor world={world} features={features} snapshots={snapshots} terrain={terrain} reload={reload} />
      )}
    </div>
  );
}
