import { Link } from 'react-router-dom';
import { forgeApi, type WorldView } from '../../api/forge';
import { useAuthedImage } from '../../hooks/useAuthedImage';
import { useJob } from '../../hooks/useJob';
import { formatPermille } from '../../lib/biomes';
import { formatRelative } from '../../lib/format';
import { describeParams } from '../../lib/worldParams';
import { Badge } from '../ui';
import { JobProgress } from './JobProgress';
import { BiomeMixBar } from './SummaryPanel';

const STATUS_TONE = { generating: 'info', ready: 'success', failed: 'danger' } as const;

/** A world in the project list: its biome thumbnail, name, seed, status and headline numbers. */
export function WorldCard({ world, onFinished }: { world: WorldView; onFinished(): void }) {
  const ready = world.status === 'ready';
  const thumb = useAuthedImage(ready ? forgeApi.mapUrl(world.id, 'biomes', 160, world.hash) : null);
  const job = useJob(world.status === 'generating' ? world.jobId : null, (j) => {
    if (j.status === 'succeeded' || j.status === 'failed' || j.status === 'cancelled') onFinished();
  });
  const s = world.summary;
  return (
    <li className="world-card" data-world-id={world.id}>
      <Link to={`/worlds/${world.id}`} className="world-card__thumb" aria-label={`Open ${world.name}`}>
        {thumb.url ? <img src={thumb.url} alt="" width={160} height={160} /> : <span className="world-card__placeholder" aria-hidden="true" />}
      </Link>
      <div className="world-card__body">
        <h3 className="world-card__name">
          <Link to={`/worlds/${world.id}`}>{world.name}</Link>
        </h3>
        <p className="cell-sub">
          Seed <span className="mono">{world.seed}</span> · {describeParams(world.parameters)}
        </p>
        <p className="world-card__status">
          <Badge tone={STATUS_TONE[world.status]}>{world.status}</Badge> <span className="cell-sub">{formatRelative(world.updatedAt)}</span>
        </p>
        {world.status === 'generating' && <JobProgress job={job} label={`${world.name} progress`} />}
        {world.status === 'failed' && world.error && <p className="small text-danger">{world.error}</p>}
        {s && (
          <>
            <p className="world-card__nums small">
              Land {formatPermille(s.landPermille)} · {s.settlements} settlements · {s.rivers} rivers · {s.factions} factions
            </p>
            <BiomeMixBar biomes={s.biomes} compact />
          </>
        )}
      </div>
    </li>
  );
}
