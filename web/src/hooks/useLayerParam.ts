import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { MAP_LAYERS, type MapLayer } from '../api/forge';

/** The map layer kept in ?layer= (so a link or reload keeps it); biomes when missing or unknown. */
export function useLayerParam(): [MapLayer, (l: MapLayer) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('layer') ?? '';
  const layer: MapLayer = (MAP_LAYERS as readonly string[]).includes(raw) ? (raw as MapLayer) : 'biomes';
  const set = useCallback(
    (l: MapLayer) =>
      setParams(
        (cur) => {
          const next = new URLSearchParams(cur);
          next.set('layer', l);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [layer, set];
}
