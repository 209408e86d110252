import { MAP_LAYERS, type MapLayer } from '../../api/forge';
import { humanize } from '../../lib/biomes';
import type { Overlays } from './mapDraw';

/** The base layer (one at a time) and the marker overlays. */
export function LayerToggle({
  layer,
  onLayer,
  overlays,
  onOverlays,
}: {
  layer: MapLayer;
  onLayer(l: MapLayer): void;
  overlays: Overlays;
  onOverlays(o: Overlays): void;
}) {
  const toggle = (key: keyof Overlays) => onOverlays({ ...overlays, [key]: !overlays[key] });
  return (
    <div className="map-toolbar">
      <div className="segmented" role="group" aria-label="Map layer">
        {MAP_LAYERS.map((l) => (
          <button key={l} type="button" className="segmented__btn" aria-pressed={l === layer} onClick={() => onLayer(l)}>
            {humanize(l)}
          </button>
        ))}
      </div>
      <div className="map-toolbar__overlays" role="group" aria-label="Markers">
        <label className="check">
          <input type="checkbox" checked={overlays.settlements} onChange={() => toggle('settlements')} /> Settlements
        </label>
        <label className="check">
          <input type="checkbox" checked={overlays.pois} onChange={() => toggle('pois')} /> Points of interest
        </label>
        <label className="check">
          <input type="checkbox" checked={overlays.labels} onChange={() => toggle('labels')} /> Labels
        </label>
      </div>
    </div>
  );
}
