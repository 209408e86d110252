import { Link } from 'react-router-dom';
import { useAuthedImage } from '../../hooks/useAuthedImage';
import { formatRelative } from '../../lib/format';
import type { SceneSummary, Topic } from '../../stories/api';
import { posterOf } from '../../stories/model';
import { Badge } from '../ui';

/** A scene in the list: its poster (the first segment's middle frame), title, logline, topic and author. */
export function SceneCard({ scene, topic }: { scene: SceneSummary; topic?: Topic }) {
  const poster = useAuthedImage(posterOf(scene));
  return (
    <li className="scene-card" data-scene-id={scene.id}>
      <Link to={`/stories/scenes/${scene.id}`} className="scene-card__poster" aria-label={`Open ${scene.title}`}>
        {poster.url ? <img src={poster.url} alt="" width={320} height={180} /> : <span className="scene-card__placeholder" aria-hidden="true" />}
      </Link>
      <div className="scene-card__body">
        <h3 className="scene-card__title">
          <Link to={`/stories/scenes/${scene.id}`}>{scene.title}</Link>
        </h3>
        {scene.logline && <p className="small">{scene.logline}</p>}
        <p className="cell-sub">
          {topic && <Badge tone="info">{topic.title}</Badge>} {scene.parentSceneId && <Badge tone="muted">Fork</Badge>}{' '}
          {scene.visibility === 'private' && <Badge tone="warning">Private</Badge>} by {scene.ownerName} · {formatRelative(scene.createdAt)}
          {scene.segmentCount !== undefined && ` · ${scene.segmentCount} segment${scene.segmentCount === 1 ? '' : 's'}`}
        </p>
      </div>
    </li>
  );
}
