import { useMemo, useState } from 'react';
import { forgeApi, type Cell, type Snapshot, type WorldFeatures, type WorldView } from '../../api/forge';
import { toProblem, type ProblemError } from '../../api/problem';
import { useLayerParam } from '../../hooks/useLayerParam';
import { moveSettlement, type Built } from '../../lib/overrides';
import { isLand, type Terrain } from '../../lib/worldLayers';
import { Notice } from '../ui';
import { AddPoiPanel } from './AddPoiPanel';
import { HistoryPanel } from './HistoryPanel';
import { LayerToggle } from './LayerToggle';
import type { Overlays, Selection } from './mapDraw';
import { MapViewer, type MapMode } from './MapViewer';
import { PoiPanel } from './PoiPanel';
import { SettlementPanel } from './SettlementPanel';
import { FactionLegend, SummaryPanel } from './SummaryPanel';

interface Props {
  world: WorldView;
  features: WorldFeatures;
  snapshots: Snapshot[] | null;
  terrain: Terrain | null;
  reload(): Promise<WorldView | null>;
}

/**
 * The world page once the world is ready: the map with its layers and markers, the selection panel (a settlement, a
 * point of interest, or a new one), the summary and the history. Every edit is one override appended against the head
 * the page shows; a stale head (409) reloads and says so.
 */
export function WorldEditor({ world, features, snapshots, terrain, reload }: Props) {
  const [layer, setLayer] = useLayerParam();
  const [overlays, setOverlays] = useState<Overlays>({ settlements: true, pois: true, labels: true });
  const [selected, setSelected] = useState<Selection | null>(null);
  const [mode, setMode] = useState<MapMode>('select');
  const [pending, setPending] = useState<Cell | null>(null);
  const [focus, setFocus] = useState<{ cell: Cell; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);

  const settlement = selected?.kind === 'settlement' ? features.settlements.find((s) => s.id === selected.id) : undefined;
  const poi = selected?.kind === 'poi' ? features.pointsOfInterest.find((p) => p.id === selected.id) : undefined;
  const byName = useMemo(() => [...features.settlements].sort((a, b) => a.name.localeCompare(b.name)), [features.settlements]);

  const select = (sel: Selection | null) => {
    setSelected(sel);
    setProblem(null);
    if (mode === 'move') setMode('select');
  };

  const cancelMode = () => {
    setMode('select');
    setPending(null);
    setProblem(null);
  };

  /** Append one override; true when saved. */
  const edit = async (built: Built): Promise<boolean> => {
    if (!built.ok) return false;
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const snap = await forgeApi.appendOverrides(world.id, world.head, [built.override], built.message);
      await reload();
      setNotice({ tone: 'success', text: `${built.message}. Saved as snapshot #${snap.number}.` });
      if (built.override.kind === 'delete_settlement') setSelected(null);
      if (built.override.kind === 'add_poi' || built.override.kind === 'move_settlement') cancelMode();
      return true;
    } catch (err) {
      const p = toProblem(err);
      if (p.status === 409) {
        await reload();
        setNotice({ tone: 'warning', text: 'Someone else edited this world since you loaded it. The latest version is loaded now; make your change again.' });
      } else {
        setProblem(p);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rollback = async (number: number) => {
    setBusy(true);
    setNotice(null);
    try {
      const snap = await forgeApi.rollback(world.id, number, world.head);
      await reload();
      setNotice({ tone: 'success', text: `Rolled back to snapshot #${number}; saved as #${snap.number}.` });
    } catch (err) {
      const p = toProblem(err);
      await reload();
      setNotice({ tone: 'warning', text: p.status === 409 ? 'Someone else edited this world; reloaded. Try the rollback again.' : p.summary });
    } finally {
      setBusy(false);
    }
  };

  const pickCell = (cell: Cell) => {
    if (mode === 'add-poi') {
      if (terrain && !isLand(terrain, cell.x, cell.y)) {
        setNotice({ tone: 'warning', text: 'Points of interest stand on land; pick a land cell.' });
        return;
      }
      setNotice(null);
      setPending(cell);
      return;
    }
    if (mode === 'move' && settlement) {
      const built = moveSettlement(settlement, cell, terrain ? isLand(terrain, cell.x, cell.y) : true);
      if (!built.ok) {
        setNotice({ tone: 'warning', text: Object.values(built.errors)[0][0] });
        return;
      }
      void edit(built);
    }
  };

  const capitalName = (id: string) => features.settlements.find((s) => s.id === id)?.name;

  return (
    <div className="world-layout">
      <div className="world-layout__map">
        <LayerToggle layer={layer} onLayer={setLayer} overlays={overlays} onOverlays={setOverlays} />
        <MapViewer
          worldId={world.id}
          hash={world.hash}
          width={world.parameters.width}
          height={world.parameters.height}
          layer={layer}
          features={features}
          terrain={terrain}
          selected={selected}
          mode={mode}
          pending={pending}
          overlays={overlays}
          focus={focus}
          onSelect={select}
          onPickCell={pickCell}
          onEscape={cancelMode}
        />
        <div className="map-actions">
          <label className="map-actions__find">
            <span>Find a settlement</span>
            <select
              className="select"
              value={settlement?.id ?? ''}
              onChange={(e) => {
                const s = features.settlements.find((x) => x.id === e.target.value);
                if (!s) return;
                select({ kind: 'settlement', id: s.id });
                setFocus((f) => ({ cell: s.location, n: (f?.n ?? 0) + 1 }));
              }}
            >
              <option value="">{features.settlements.length ? 'Choose…' : 'No settlements'}</option>
              {byName.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn--sm"
            aria-pressed={mode === 'add-poi'}
            onClick={() => {
              setSelected(null);
              setPending(null);
              setMode(mode === 'add-poi' ? 'select' : 'add-poi');
            }}
          >
            {mode === 'add-poi' ? 'Cancel new point of interest' : 'Add point of interest'}
          </button>
        </div>
        <div aria-live="polite" className="status-region">
          {notice && (
            <Notice tone={notice.tone} onDismiss={() => setNotice(null)}>
              {notice.text}
            </Notice>
          )}
        </div>
        <HistoryPanel worldId={world.id} snapshots={snapshots} busy={busy} onRollback={rollback} />
      </div>

      <aside className="world-layout__side" aria-label="World details">
        {mode === 'add-poi' ? (
          <AddPoiPanel cell={pending} busy={busy} problem={problem} onEdit={edit} onCancel={cancelMode} />
        ) : settlement ? (
          <SettlementPanel
            worldId={world.id}
            hash={world.hash}
            settlement={settlement}
            features={features}
            moving={mode === 'move'}
            busy={busy}
            problem={problem}
            onEdit={edit}
            onStartMove={() => setMode('move')}
            onCancelMove={cancelMode}
            onSelectPoi={(p) => select({ kind: 'poi', id: p.id })}
            onClose={() => select(null)}
          />
        ) : poi ? (
          <PoiPanel poi={poi} features={features} onSelectSettlement={(s) => select({ kind: 'settlement', id: s.id })} onClose={() => select(null)} />
        ) : (
          <section className="panel panel--tight">
            <p className="muted small">Click a settlement or a point of interest on the map for its people and quest hooks, or add a point of interest.</p>
          </section>
        )}
        {layer === 'political' && <FactionLegend factions={features.factions} capitalName={capitalName} />}
        {world.summary && <SummaryPanel summary={world.summary} />}
      </aside>
    </div>
  );
}
