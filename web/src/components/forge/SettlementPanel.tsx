import { useEffect, useState, type FormEvent } from 'react';
import type { PointOfInterest, Settlement, WorldFeatures } from '../../api/forge';
import { ProblemError } from '../../api/problem';
import { factionColour, humanize } from '../../lib/biomes';
import { deleteSettlement, renameSettlement, type Built } from '../../lib/overrides';
import { Badge, Field, ProblemAlert } from '../ui';
import { NpcList } from './NpcList';

interface Props {
  worldId: string;
  hash: string | null;
  settlement: Settlement;
  features: WorldFeatures;
  moving: boolean;
  busy: boolean;
  problem: ProblemError | null;
  onEdit(built: Built): Promise<boolean>;
  onStartMove(): void;
  onCancelMove(): void;
  onSelectPoi(p: PointOfInterest): void;
  onClose(): void;
}

/** A selected settlement: facts, edits (rename, move, delete), its people and the quest hooks that name it. */
export function SettlementPanel(p: Props) {
  const s = p.settlement;
  const faction = p.features.factions.find((f) => f.id === s.factionId);
  const region = p.features.regions.find((r) => r.id === s.regionId);
  const hooks = p.features.pointsOfInterest.filter((poi) => poi.hook.settlementIds.includes(s.id));
  const [name, setName] = useState(s.name);
  const [localProblem, setLocalProblem] = useState<ProblemError | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    setName(s.name);
    setLocalProblem(null);
    setConfirmDelete(false);
  }, [s.id, s.name]);

  const problem = localProblem ?? p.problem;

  const submit = async (built: Built) => {
    if (!built.ok) {
      setLocalProblem(new ProblemError({ status: 400, title: Object.values(built.errors)[0][0], fieldErrors: built.errors }));
      return;
    }
    setLocalProblem(null);
    await p.onEdit(built);
  };

  const onRename = (e: FormEvent) => {
    e.preventDefault();
    void submit(renameSettlement(s, name));
  };

  return (
    <section className="panel panel--tight side-panel" aria-labelledby="sel-h">
      <div className="side-panel__head">
        <div>
          <p className="eyebrow">{s.isCapital ? 'Capital' : humanize(s.size)}</p>
          <h2 id="sel-h">{s.name}</h2>
        </div>
        <button type="button" className="icon-btn" onClick={p.onClose} aria-label="Close settlement panel">
          ×
        </button>
      </div>
      <dl className="facts">
        <dt>Size</dt>
        <dd>
          {humanize(s.size)} {s.isCapital && <Badge tone="warning">Capital</Badge>}
        </dd>
        <dt>Population</dt>
        <dd>{s.population.toLocaleString('en-US')}</dd>
        <dt>Faction</dt>
        <dd>
          {faction ? (
            <>
              <span className="swatch" style={{ background: factionColour(faction.color) }} aria-hidden="true" /> {faction.name}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Region</dt>
        <dd>{region?.name ?? '—'}</dd>
        <dt>Land</dt>
        <dd>
          {humanize(s.biome)}
          {s.coastal ? ', coastal' : ''}
          {s.freshWater ? ', fresh water' : ''}
        </dd>
        <dt>Cell</dt>
        <dd className="mono">
          {s.location.x}, {s.location.y}
        </dd>
      </dl>

      <ProblemAlert problem={problem} knownFields={['name']} />
      <form className="inline-form" onSubmit={onRename} aria-label={`Rename ${s.name}`}>
        <Field label="Settlement name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={problem?.forField('name')} maxLength={100} />
        <button type="submit" className="btn btn--primary btn--sm" disabled={p.busy || !name.trim() || name.trim() === s.name}>
          {p.busy ? 'Saving…' : 'Rename'}
        </button>
      </form>
      <div className="btn-row">
        {p.moving ? (
          <button type="button" className="btn btn--sm" onClick={p.onCancelMove}>
            Cancel move
          </button>
        ) : (
          <button type="button" className="btn btn--sm" onClick={p.onStartMove} disabled={p.busy}>
            Move
          </button>
        )}
        {confirmDelete ? (
          <>
            <button type="button" className="btn btn--sm btn--danger" onClick={() => void submit(deleteSettlement(s))} disabled={p.busy}>
              Confirm delete
            </button>
            <button type="button" className="btn btn--sm" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="btn btn--sm btn--danger" onClick={() => setConfirmDelete(true)} disabled={p.busy}>
            Delete
          </button>
        )}
      </div>
      {p.moving && (
        <p className="hint-box" role="status">
          Click a land cell on the map to move {s.name} there. Esc cancels.
        </p>
      )}

      <h3 className="side-panel__sub">People</h3>
      <NpcList worldId={p.worldId} hash={p.hash} settlementId={s.id} />

      <h3 className="side-panel__sub">Quest hooks</h3>
      {hooks.length === 0 ? (
        <p className="muted small">No quest hook names {s.name}.</p>
      ) : (
        <ul className="hook-list" aria-label="Quest hooks">
          {hooks.map((h) => (
            <li key={h.id}>
              <button type="button" className="link-btn" onClick={() => p.onSelectPoi(h)}>
                {h.name}
              </button>{' '}
              <span className="muted small">({humanize(h.kind)})</span>
              <p className="small">{h.hook.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
