import type { BatchItem } from '../../api/forge';
import { useAuthedImage } from '../../hooks/useAuthedImage';
import { formatPermille, humanize } from '../../lib/biomes';
import { sortValue } from '../../lib/batchSort';

/** One seed of a batch: its thumbnail with the seed and its numbers (and the biome share it is sorted by). */
export function BatchTile({ item, sort, selected, onPick }: { item: BatchItem; sort: string; selected: boolean; onPick(): void }) {
  const img = useAuthedImage(item.thumbnail);
  const extra = sortValue(item, sort);
  return (
    <li className={`batch-tile${selected ? ' batch-tile--selected' : ''}`} data-seed={item.seed}>
      <button type="button" className="batch-tile__btn" onClick={onPick} aria-pressed={selected} aria-label={`Seed ${item.seed}`}>
        {img.url ? <img src={img.url} alt="" className="batch-tile__img" /> : <span className="batch-tile__placeholder" aria-hidden="true" />}
      </button>
      <div className="batch-tile__meta">
        <span className="cell-strong">Seed {item.seed}</span>
        <span className="small">
          Land {formatPermille(item.landPermille)} · {item.rivers} rivers
        </span>
        <span className="small">
          {item.settlements} settlement{item.settlements === 1 ? '' : 's'} · {item.factions} faction{item.factions === 1 ? '' : 's'}
        </span>
        {extra !== null && (
          <span className="small batch-tile__extra">
            {humanize(sort.slice(6))} {formatPermille(extra)}
          </span>
        )}
      </div>
    </li>
  );
}
