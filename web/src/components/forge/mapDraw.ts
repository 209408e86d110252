import type { Cell, WorldFeatures } from '../../api/forge';
import { factionColour } from '../../lib/biomes';
import { labelVisible, markerVisible, placeLabels, settlementRadius, settlementRank, type Box, type Marker } from '../../lib/mapMarkers';
import { cellCentre, type Size, type View } from '../../lib/viewport';

export interface Selection {
  kind: 'settlement' | 'poi';
  id: string;
}

export interface Overlays {
  settlements: boolean;
  pois: boolean;
  labels: boolean;
}

const INK = '#221e1c';
const PAPER = '#fcfaf4';
const POI_FILL = '#7a2e8c';
const SELECT = '#ffb400';
const BACKDROP = '#d9e2ec';

/** The markers to draw and hit-test at the current zoom (which ones, and their radius, depend on it); the selected one always. */
export function buildMarkers(features: WorldFeatures | null, overlays: Overlays, scale: number, selected: Selection | null): Marker[] {
  if (!features) return [];
  const out: Marker[] = [];
  const isSelected = (kind: Selection['kind'], id: string) => selected?.kind === kind && selected.id === id;
  if (overlays.settlements) {
    for (const s of features.settlements) {
      if (!markerVisible('settlement', s.size, s.isCapital, scale) && !isSelected('settlement', s.id)) continue;
      out.push({
        id: s.id,
        kind: 'settlement',
        location: s.location,
        radius: settlementRadius(s.size, s.isCapital, scale),
        label: s.name,
        rank: labelVisible(s.size, s.isCapital, scale) ? settlementRank(s.size, s.isCapital) : -1,
      });
    }
  }
  if (overlays.pois) {
    for (const p of features.pointsOfInterest) {
      if (!markerVisible('poi', null, false, scale) && !isSelected('poi', p.id)) continue;
      out.push({ id: p.id, kind: 'poi', location: p.location, radius: 4.5 * Math.min(2, Math.max(1, Math.sqrt(scale / 2))), label: p.name, rank: scale >= 4 ? 0 : -1 });
    }
  }
  return out;
}

export interface DrawInput {
  ctx: CanvasRenderingContext2D;
  canvas: Size;
  world: Size;
  view: View;
  image: ImageBitmap | null;
  /** Sharper tiles over the picture where it is enlarged (already loaded ones only). */
  tiles: { left: number; top: number; size: number; bitmap: ImageBitmap }[];
  markers: Marker[];
  features: WorldFeatures | null;
  selected: Selection | null;
  overlays: Overlays;
  /** A ghost marker: where a settlement would move, or a new point of interest would go. */
  ghost: { cell: Cell; kind: 'settlement' | 'poi'; ok: boolean } | null;
}

export function drawMap(d: DrawInput): void {
  const { ctx, canvas, world, view } = d;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = BACKDROP;
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  const w = world.width * view.scale;
  const h = world.height * view.scale;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  if (d.image) ctx.drawImage(d.image, view.offsetX, view.offsetY, w, h);
  // Tiles are drawn a hair larger so no seam of backdrop shows between neighbours at fractional positions.
  for (const t of d.tiles) ctx.drawImage(t.bitmap, t.left, t.top, t.size + 0.5, t.size + 0.5);
  ctx.strokeStyle = 'rgba(20, 26, 46, 0.35)';
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(view.offsetX) + 0.5, Math.round(view.offsetY) + 0.5, Math.round(w) - 1, Math.round(h) - 1);

  const factionFill = new Map((d.features?.factions ?? []).map((f) => [f.id, factionColour(f.color)]));
  const capitals = new Set((d.features?.settlements ?? []).filter((s) => s.isCapital).map((s) => s.id));
  const settlementFaction = new Map((d.features?.settlements ?? []).map((s) => [s.id, s.factionId]));
  const inside = (x: number, y: number, r: number) => x > -r && y > -r && x < canvas.width + r && y < canvas.height + r;

  // Settlements first, POIs over them; the selected marker last so its ring is never covered.
  const ordered = [...d.markers].sort((a, b) => (a.kind === b.kind ? a.rank - b.rank : a.kind === 'settlement' ? -1 : 1));
  let selectedMarker: Marker | null = null;
  for (const m of ordered) {
    const c = cellCentre(view, m.location.x, m.location.y);
    if (!inside(c.x, c.y, m.radius + 2)) continue;
    if (d.selected && d.selected.kind === m.kind && d.selected.id === m.id) selectedMarker = m;
    if (m.kind === 'poi') drawPoi(ctx, c.x, c.y, m.radius);
    else drawSettlement(ctx, c.x, c.y, m.radius, capitals.has(m.id) ? factionFill.get(settlementFaction.get(m.id) ?? '') ?? PAPER : null);
  }
  if (selectedMarker) {
    const c = cellCentre(view, selectedMarker.location.x, selectedMarker.location.y);
    ctx.beginPath();
    ctx.arc(c.x, c.y, selectedMarker.radius + 5, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = SELECT;
    ctx.stroke();
    ctx.lineWidth = 1;
    ctx.strokeStyle = INK;
    ctx.stroke();
  }
  if (d.ghost) {
    const c = cellCentre(view, d.ghost.cell.x, d.ghost.cell.y);
    ctx.globalAlpha = 0.85;
    if (d.ghost.kind === 'poi') drawPoi(ctx, c.x, c.y, 6);
    else drawSettlement(ctx, c.x, c.y, 6, d.ghost.ok ? '#3fae6a' : '#d24a4a');
    ctx.globalAlpha = 1;
  }
  if (d.overlays.labels) drawLabels(ctx, d.markers, view, canvas, selectedMarker);
}

function drawSettlement(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, capitalFill: string | null) {
  ctx.beginPath();
  if (capitalFill) {
    ctx.rect(x - r, y - r, 2 * r, 2 * r);
    ctx.fillStyle = capitalFill;
  } else {
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = PAPER;
  }
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = INK;
  ctx.stroke();
  if (capitalFill) {
    ctx.beginPath();
    ctx.arc(x, y, Math.max(1.2, r / 3), 0, Math.PI * 2);
    ctx.fillStyle = INK;
    ctx.fill();
  }
}

function drawPoi(ctx: CanvasRenderingContext2D, x: number, y: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
  ctx.fillStyle = POI_FILL;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = PAPER;
  ctx.stroke();
}

function drawLabels(ctx: CanvasRenderingContext2D, markers: Marker[], view: View, canvas: Size, selected: Marker | null) {
  const candidates = markers.filter((m) => m.rank >= 0 || m === selected);
  const boxes: Box[] = [];
  const ranks: number[] = [];
  const fonts: string[] = [];
  for (const m of candidates) {
    const big = m.rank >= 4;
    const font = `${big ? 700 : 600} ${big ? 13 : 11.5}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
    ctx.font = font;
    const c = cellCentre(view, m.location.x, m.location.y);
    const tw = ctx.measureText(m.label).width;
    const th = big ? 15 : 13;
    boxes.push({ x: c.x + m.radius + 4, y: c.y - th / 2, w: tw + 2, h: th });
    ranks.push(m === selected ? 1000 : m.rank);
    fonts.push(font);
  }
  const kept = placeLabels(boxes, ranks, canvas);
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const i of kept) {
    const b = boxes[i];
    ctx.font = fonts[i];
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = 'rgba(252, 250, 244, 0.92)';
    ctx.strokeText(candidates[i].label, b.x + 1, b.y + b.h / 2);
    ctx.fillStyle = candidates[i].kind === 'poi' ? '#4d1a59' : '#1b1f2e';
    ctx.fillText(candidates[i].label, b.x + 1, b.y + b.h / 2);
  }
}
