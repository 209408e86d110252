import { useEffect, useState } from 'react';
import { forgeApi, type Npc } from '../../api/forge';
import { toProblem, type ProblemError } from '../../api/problem';
import { humanize } from '../../lib/biomes';
import { ProblemAlert, Spinner } from '../ui';

/** The people of one settlement with their roles, traits and ties (ties to outsiders show the NPC id). */
export function NpcList({ worldId, hash, settlementId }: { worldId: string; hash: string | null; settlementId: string }) {
  const [npcs, setNpcs] = useState<Npc[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  useEffect(() => {
    let live = true;
    setNpcs(null);
    setProblem(null);
    forgeApi
      .npcs(worldId, settlementId)
      .then((list) => live && setNpcs(list))
      .catch((err) => live && setProblem(toProblem(err)));
    return () => {
      live = false;
    };
  }, [worldId, hash, settlementId]);

  if (problem) return <ProblemAlert problem={problem} />;
  if (!npcs) return <Spinner label="Loading people…" />;
  if (npcs.length === 0) return <p className="muted small">Nobody of note lives here.</p>;
  const names = new Map(npcs.map((n) => [n.id, n.name]));
  return (
    <ul className="npc-list" aria-label="NPCs">
      {npcs.map((n) => (
        <li key={n.id} className="npc">
          <div className="npc__head">
            <span className="cell-strong">{n.name}</span>
            <span className="muted small">
              {humanize(n.role)}, {n.age}
            </span>
          </div>
          <div className="npc__traits">
            {n.traits.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </div>
          {n.relationships.length > 0 && (
            <p className="npc__ties small">
              {n.relationships.map((r, i) => (
                <span key={r.npcId + r.kind}>
                  {i > 0 && ', '}
                  {r.kind} of <span title={r.npcId}>{names.get(r.npcId) ?? r.npcId}</span>
                </span>
              ))}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
