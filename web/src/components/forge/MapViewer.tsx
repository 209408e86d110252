import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { fetchBlob, forgeApi, type Cell, type MapLayer, type WorldFeatures } from '../../api/forge';
import { hitTest, type Marker } from '../../lib/mapMarkers';
import { TILE, tileZoom, visibleTiles } from '../../lib/tiles';
import { cellAt, centreOn, clampView, fitView, panBy, scaleLimits, wheelFactor, zoomAt, type View } from '../../lib/viewport';
import { cellInfo, describeHeight, isLand, type Terrain } from '../../lib/worldLayers';
import { humanize } from '../../lib/biomes';
import { buildMarkers, drawMap, type Overlays, type Selection } from './mapDraw';
import { TileCache } from './tileCache';

export type MapMode = 'select' | 'move' | 'add-poi';

/** Bigger worlds are drawn from one picture scaled to this many pixels a side (cells stay addressable exactly). */
const MAX_IMAGE_SIDE = 2048;
const DRAG_SLOP = 4;

interface Props {
  worldId: string;
  hash: string | null;
  width: number;
  height: number;
  layer: MapLayer;
  features: WorldFeatures | null;
  terrain: Terrain | null;
  selected: Selection | null;
  mode: MapMode;
  /** Where a new point of interest would go, once picked. */
  pending: Cell | null;
  overlays: Overlays;
  /** Centre the map on this cell whenever `n` changes. */
  focus: { cell: Cell; n: number } | null;
  onSelect(sel: Selection | null): void;
  /** A cell clicked in move or add-poi mode. */
  onPickCell(cell: Cell): void;
  onEscape(): void;
}

/**
 * The world map on a canvas: the layer picture from map.png, settlements and points of interest drawn on top in
 * screen pixels (crisp at any zoom), drag to pan, wheel or buttons to zoom about the cursor, hover for the cell's
 * biome and height.
 */
export function MapViewer(p: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<View | null>(null);
  const [image, setImage] = useState<{ key: string; layer: MapLayer; bitmap: ImageBitmap } | null>(null);
  const [tileTick, setTileTick] = useState(0);
  const tiles = useMemo(() => new TileCache(() => setTileTick((t) => t + 1)), []);
  const [loadingKey, setLoadingKey] = useState<string | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  /** The pointer over the canvas, in canvas pixels; what lies under it follows from the view. */
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const cache = useRef(new Map<string, ImageBitmap>());
  const drag = useRef<{ x: number; y: number; moved: boolean; id: number } | null>(null);
  const world = useMemo(() => ({ width: p.width, height: p.height }), [p.width, p.height]);

  // Canvas size follows its box.
  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      const r = entry.contentRect;
      setSize({ width: Math.floor(r.width), height: Math.floor(r.height) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Fit on first size and whenever the world changes shape.
  useEffect(() => {
    if (size.width > 0 && size.height > 0) setView((v) => v ?? fitView(world, size, 12));
  }, [size, world]);

  const focusN = p.focus?.n;
  useEffect(() => {
    if (!p.focus || size.width === 0) return;
    const { x, y } = p.focus.cell;
    setView((v) => (v ? centreOn(v, x, y, size, 4) : v));
    // Only a new focus request moves the map, not a resize.
  }, [focusN]);

  // The layer picture, fetched with the token and cached per layer and document hash.
  const imageKey = `${p.worldId}/${p.hash ?? ''}/${p.layer}`;
  useEffect(() => {
    const hit = cache.current.get(imageKey);
    if (hit) {
      setImage({ key: imageKey, layer: p.layer, bitmap: hit });
      return;
    }
    const ctrl = new AbortController();
    setLoadingKey(imageKey);
    setImageError(null);
    const side = Math.max(p.width, p.height);
    fetchBlob(forgeApi.mapUrl(p.worldId, p.layer, side > MAX_IMAGE_SIDE ? MAX_IMAGE_SIDE : undefined, p.hash), ctrl.signal)
      .then((blob) => createImageBitmap(blob))
      .then((bitmap) => {
        cache.current.set(imageKey, bitmap);
        if (!ctrl.signal.aborted) setImage({ key: imageKey, layer: p.layer, bitmap });
      })
      .catch(() => {
        if (!ctrl.signal.aborted) setImageError('Could not load this layer.');
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoadingKey(null);
      });
    return () => ctrl.abort();
  }, [imageKey, p.worldId, p.layer, p.hash, p.width, p.height]);

  useEffect(() => () => tiles.clear(), [tiles]);

  const markers = useMemo(() => buildMarkers(p.features, p.overlays, view?.scale ?? 1, p.selected), [p.features, p.overlays, view?.scale, p.selected]);

  const hoverCell = pointer && view ? cellAt(view, world, pointer.x, pointer.y) : null;
  const hoverX = hoverCell?.x;
  const hoverY = hoverCell?.y;
  const hover: { cell: Cell; marker: Marker | null } | null =
    hoverCell && pointer && view ? { cell: hoverCell, marker: p.mode === 'select' ? hitTest(markers, view, pointer.x, pointer.y) : null } : null;

  const ghost = useMemo(() => {
    const at = hoverX !== undefined && hoverY !== undefined ? { x: hoverX, y: hoverY } : null;
    if (p.mode === 'add-poi') {
      const cell = p.pending ?? at;
      return cell ? { cell, kind: 'poi' as const, ok: true } : null;
    }
    if (p.mode === 'move' && at) return { cell: at, kind: 'settlement' as const, ok: p.terrain ? isLand(p.terrain, at.x, at.y) : true };
    return null;
  }, [p.mode, p.pending, p.terrain, hoverX, hoverY]);

  // Draw whenever anything drawn changes (one frame per change).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !view || size.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== size.width * dpr || canvas.height !== size.height * dpr) {
      canvas.width = size.width * dpr;
      canvas.height = size.height * dpr;
    }
    // Where the picture is enlarged past its own pixels, server tiles of the same layer draw the detail (rivers as
    // lines, terrain interpolated) up to the deepest zoom the server renders.
    const wanted: { key: string; path: string; left: number; top: number; size: number }[] = [];
    if (image) {
      const z = tileZoom(view.scale * dpr, world);
      const tilePxPerCell = (TILE << z) / Math.max(world.width, world.height);
      if (tilePxPerCell > image.bitmap.width / world.width) {
        for (const t of visibleTiles(view, world, size, z)) {
          wanted.push({ key: `${image.key}/${t.z}/${t.x}/${t.y}`, path: forgeApi.tileUrl(p.worldId, image.layer, t.z, t.x, t.y, p.hash), left: t.left, top: t.top, size: t.size });
        }
      }
    }
    tiles.want(wanted);
    const frame = requestAnimationFrame(() => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const loaded = wanted.flatMap((t) => {
        const bitmap = tiles.get(t.key);
        return bitmap ? [{ left: t.left, top: t.top, size: t.size, bitmap }] : [];
      });
      drawMap({ ctx, canvas: size, world, view, image: image?.bitmap ?? null, tiles: loaded, markers, features: p.features, selected: p.selected, overlays: p.overlays, ghost });
      // The view and the layer shown, for tests and tools that need to find a cell on screen.
      canvas.dataset.view = JSON.stringify(view);
      canvas.dataset.layer = image?.layer ?? '';
    });
    return () => cancelAnimationFrame(frame);
  }, [view, size, world, image, tiles, tileTick, markers, p.features, p.selected, p.overlays, p.worldId, p.hash, ghost]);

  const limits = useMemo(() => scaleLimits(world, size), [world, size]);
  const zoom = useCallback(
    (factor: number, sx?: number, sy?: number) =>
      setView((v) => (v ? clampView(zoomAt(v, factor, sx ?? size.width / 2, sy ?? size.height / 2, limits), world, size) : v)),
    [limits, size, world],
  );

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = canvas.getBoundingClientRect();
      zoom(wheelFactor(e.deltaY, e.deltaMode), e.clientX - r.left, e.clientY - r.top);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoom]);

  const local = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d && d.id === e.pointerId) {
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (d.moved || Math.hypot(dx, dy) > DRAG_SLOP) {
        d.moved = true;
        d.x = e.clientX;
        d.y = e.clientY;
        setView((v) => (v ? clampView(panBy(v, dx, dy), world, size) : v));
        return;
      }
    }
    setPointer(local(e));
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !view) return;
    const pt = local(e);
    if (p.mode === 'select') {
      const m = hitTest(markers, view, pt.x, pt.y);
      p.onSelect(m ? { kind: m.kind, id: m.id } : null);
      return;
    }
    const cell = cellAt(view, world, pt.x, pt.y);
    if (cell) p.onPickCell(cell);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = 60;
    const pans: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (e.key in pans) {
      const [dx, dy] = pans[e.key];
      setView((v) => (v ? clampView(panBy(v, dx, dy), world, size) : v));
    } else if (e.key === '+' || e.key === '=') zoom(1.25);
    else if (e.key === '-') zoom(0.8);
    else if (e.key === '0') setView(fitView(world, size, 12));
    else if (e.key === 'Escape') p.onEscape();
    else return;
    e.preventDefault();
  };

  const info = hover && p.terrain ? cellInfo(p.terrain, hover.cell.x, hover.cell.y) : null;
  const cursor = p.mode !== 'select' ? 'crosshair' : hover?.marker ? 'pointer' : drag.current?.moved ? 'grabbing' : 'grab';

  return (
    <div className="map-viewer">
      <div className="map-viewer__stage" ref={wrapRef}>
        <canvas
          ref={canvasRef}
          className="map-viewer__canvas"
          style={{ width: size.width, height: size.height, cursor }}
          tabIndex={0}
          role="img"
          aria-label={`World map, ${humanize(p.layer).toLowerCase()} layer. Drag to pan, scroll or use + and − to zoom, arrow keys to move.`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
          onPointerLeave={() => setPointer(null)}
          onKeyDown={onKeyDown}
        />
        <div className="map-viewer__zoom" role="group" aria-label="Zoom">
          <button type="button" className="map-btn" onClick={() => zoom(1.5)} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="map-btn" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out">
            −
          </button>
          <button type="button" className="map-btn map-btn--text" onClick={() => setView(fitView(world, size, 12))} aria-label="Fit the whole world">
            Fit
          </button>
        </div>
        {(loadingKey || imageError) && (
          <div className={`map-viewer__status${imageError ? ' map-viewer__status--error' : ''}`} role="status">
            {imageError ?? 'Loading layer…'}
          </div>
        )}
        <div className="map-viewer__info" aria-live="off" data-testid="map-hover">
          {hover ? (
            <>
              {hover.marker && <strong className="map-viewer__info-name">{hover.marker.label}</strong>}
              <span className="mono">
                {hover.cell.x}, {hover.cell.y}
              </span>
              {info ? (
                <>
                  {info.lake > 0 && <span>{p.features?.lakes[info.lake - 1]?.name ?? 'Lake'}</span>}
                  {info.biome && <span>{humanize(info.biome)}</span>}
                  <span>{describeHeight(info)}</span>
                </>
              ) : (
                <span className="muted">{p.terrain ? '' : 'loading terrain…'}</span>
              )}
            </>
          ) : (
            <span className="muted">Hover the map for cell details</span>
          )}
        </div>
      </div>
    </div>
  );
}
