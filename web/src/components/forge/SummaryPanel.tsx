import type { Faction, WorldSummary } from '../../api/forge';
import { biomeMix, factionColour, formatPermille, humanize } from '../../lib/biomes';

const COUNTS: [keyof WorldSummary, string][] = [
  ['settlements', 'Settlements'],
  ['rivers', 'Rivers'],
  ['lakes', 'Lakes'],
  ['regions', 'Regions'],
  ['factions', 'Factions'],
  ['npcs', 'NPCs'],
  ['species', 'Species'],
  ['pointsOfInterest', 'POIs'],
];

/** Land share, the counts and the biome mix of a world's head. */
export function SummaryPanel({ summary }: { summary: WorldSummary }) {
  return (
    <section className="panel panel--tight" aria-labelledby="summary-h">
      <h2 id="summary-h">Summary</h2>
      <dl className="stats">
        <div className="stats__item">
          <dt>Land</dt>
          <dd>{formatPermille(summary.landPermille)}</dd>
        </div>
        {COUNTS.map(([key, label]) => (
          <div className="stats__item" key={key}>
            <dt>{label}</dt>
            <dd>{Number(summary[key] ?? 0).toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      <BiomeMixBar biomes={summary.biomes} />
    </section>
  );
}

export function BiomeMixBar({ biomes, compact = false }: { biomes: Record<string, number>; compact?: boolean }) {
  const mix = biomeMix(biomes);
  if (mix.length === 0) return null;
  return (
    <figure className={`biome-mix${compact ? ' biome-mix--compact' : ''}`}>
      <div className="biome-mix__bar" role="img" aria-label={`Biome mix: ${mix.map((m) => `${humanize(m.name)} ${formatPermille(m.permille)}`).join(', ')}`}>
        {mix.map((m) => (
          <span key={m.name} className="biome-mix__seg" style={{ flexGrow: m.permille, background: m.colour }} title={`${humanize(m.name)} ${formatPermille(m.permille)}`} />
        ))}
      </div>
      {!compact && (
        <figcaption className="biome-mix__legend">
          {mix.slice(0, 8).map((m) => (
            <span key={m.name} className="legend-item">
              <span className="swatch" style={{ background: m.colour }} aria-hidden="true" />
              {humanize(m.name)} <span className="muted">{formatPermille(m.permille)}</span>
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

/** The factions with their map colours, as the political layer paints them. */
export function FactionLegend({ factions, capitalName }: { factions: Faction[]; capitalName: (id: string) => string | undefined }) {
  if (factions.length === 0) return null;
  return (
    <section className="panel panel--tight" aria-labelledby="factions-h">
      <h2 id="factions-h">Factions</h2>
      <ul className="faction-legend">
        {factions.map((f) => (
          <li key={f.id}>
            <span className="swatch swatch--lg" style={{ background: factionColour(f.color) }} aria-hidden="true" />
            <span>
              <span className="cell-strong">{f.name}</span>
              <span className="cell-sub">
                {humanize(f.culture)}
                {capitalName(f.capitalId) ? ` · capital ${capitalName(f.capitalId)}` : ''}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
