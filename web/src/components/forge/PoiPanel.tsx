import type { PointOfInterest, Settlement, WorldFeatures } from '../../api/forge';
import { humanize } from '../../lib/biomes';

/** A selected point of interest and its quest hook, with the settlements the hook names. */
export function PoiPanel({
  poi,
  features,
  onSelectSettlement,
  onClose,
}: {
  poi: PointOfInterest;
  features: WorldFeatures;
  onSelectSettlement(s: Settlement): void;
  onClose(): void;
}) {
  const region = features.regions.find((r) => r.id === poi.regionId);
  const places = poi.hook.settlementIds.map((id) => features.settlements.find((s) => s.id === id)).filter((s): s is Settlement => !!s);
  const species = poi.hook.speciesId ? features.bestiary.find((b) => b.id === poi.hook.speciesId) : undefined;
  return (
    <section className="panel panel--tight side-panel" aria-labelledby="sel-h">
      <div className="side-panel__head">
        <div>
          <p className="eyebrow">{humanize(poi.kind)}</p>
          <h2 id="sel-h">{poi.name}</h2>
        </div>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="Close point of interest panel">
          ×
        </button>
      </div>
      <blockquote className="hook" data-testid="poi-hook">
        {poi.hook.text}
      </blockquote>
      <dl className="facts">
        <dt>Region</dt>
        <dd>{region?.name ?? '—'}</dd>
        <dt>Cell</dt>
        <dd className="mono">
          {poi.location.x}, {poi.location.y}
        </dd>
        {species && (
          <>
            <dt>Creature</dt>
            <dd>
              {species.name} <span className="muted small">(threat {species.threat})</span>
            </dd>
          </>
        )}
      </dl>
      {places.length > 0 && (
        <>
          <h3 className="side-panel__sub">Settlements involved</h3>
          <ul className="plain-list">
            {places.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-btn" onClick={() => onSelectSettlement(s)}>
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
