import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { toProblem, type ProblemError } from '../api/problem';
import { ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { storiesApi, type SceneTree } from '../stories/api';
import { countScenes, layoutTree, linkPath, NODE_HEIGHT, NODE_WIDTH } from '../stories/tree';

/** The fork tree of a scene's original: every visible fork, where it branched, and a click opens that scene. */
export function SceneTreePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [tree, setTree] = useState<SceneTree | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  usePageTitle('Fork tree');

  useEffect(() => {
    setTree(null);
    storiesApi.tree(id).then(setTree, (err) => setProblem(toProblem(err)));
  }, [id]);

  if (problem) {
    return (
      <div className="page">
        <ProblemAlert problem={problem} />
      </div>
    );
  }
  if (!tree) {
    return (
      <div className="page">
        <div className="loading-block">
          <Spinner label="Loading the fork tree…" />
        </div>
      </div>
    );
  }

  const layout = layoutTree(tree.root, tree.current);
  const open = (sceneId: string) => navigate(`/stories/scenes/${sceneId}`);
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

  return (
    <div className="page">
      <Link to={`/stories/scenes/${id}`} className="back-link">
        ← Back to the scene
      </Link>
      <div className="page-head">
        <div>
          <h1>Fork tree</h1>
          <p className="muted">
            “{tree.root.title}” and its {countScenes(tree.root) - 1} fork{countScenes(tree.root) === 2 ? '' : 's'}. Each branch shares the segments before its fork point.
          </p>
        </div>
      </div>
      <section className="panel fork-tree" aria-label="Fork tree">
        <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="tree" aria-label="Scenes and their forks" data-testid="fork-tree">
          <g className="fork-tree__links">
            {layout.links.map((l) => (
              <g key={`${l.from.sceneId}-${l.to.sceneId}`}>
                <path d={linkPath(l)} className="fork-tree__link" />
                <text x={(l.from.x + NODE_WIDTH + l.to.x) / 2} y={l.to.y + NODE_HEIGHT / 2 - 6} className="fork-tree__label" textAnchor="middle">
                  {l.label}
                </text>
              </g>
            ))}
          </g>
          {layout.nodes.map((n) => (
            <g
              key={n.sceneId}
              transform={`translate(${n.x},${n.y})`}
              className={`fork-tree__node${n.current ? ' fork-tree__node--current' : ''}${n.hidden ? ' fork-tree__node--hidden' : ''}`}
              role="treeitem"
              aria-label={n.hidden ? 'A scene not open to you' : `${n.title} by ${n.ownerName}, ${n.segmentCount} segments${n.current ? ' (this scene)' : ''}`}
              aria-current={n.current ? 'page' : undefined}
              tabIndex={0}
              data-scene-id={n.sceneId}
              onClick={() => !n.hidden && open(n.sceneId)}
              onKeyDown={(e) => {
                if (!n.hidden && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  open(n.sceneId);
                }
              }}
            >
              <title>{n.hidden ? 'A scene not open to you' : n.title}</title>
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} />
              <text x={10} y={22} className="fork-tree__title">
                {clip(n.title, 20)}
              </text>
              <text x={10} y={42} className="fork-tree__meta">
                {clip(n.hidden ? 'not open to you' : `${n.segmentCount} seg. · ${n.ownerName}`, 26)}
              </text>
            </g>
          ))}
        </svg>
      </section>
    </div>
  );
}
