import type { Cell, SettlementSize } from '../api/forge';
import { cellCentre, type View } from './viewport';

/** A thing drawn on top of the map image, in world cells; its radius is in canvas pixels so it stays crisp. */
export interface Marker {
  id: string;
  kind: 'settlement' | 'poi';
  location: Cell;
  radius: number;
  label: string;
  /** Higher draws its label first (cities before hamlets). */
  rank: number;
}

const SIZE_RADIUS: Record<SettlementSize, number> = { hamlet: 2.5, village: 3.5, town: 4.5, city: 6 };
const SIZE_RANK: Record<SettlementSize, number> = { hamlet: 1, village: 2, town: 3, city: 4 };

/**
 * Marker radius for a settlement at a zoom: its class sets the base size, and markers grow a little as the map is
 * zoomed in (a city at 40 px per cell should not be a speck) but never shrink below the base.
 */
export function settlementRadius(size: SettlementSize, capital: boolean, scale: number): number {
  const base = SIZE_RADIUS[size] + (capital ? 1 : 0);
  return base * Math.min(2, Math.max(1, Math.sqrt(scale / 2)));
}

export function settlementRank(size: SettlementSize, capital: boolean): number {
  return SIZE_RANK[size] + (capital ? 10 : 0);
}

/**
 * Which labels to show at this zoom: capitals and cities always, towns from 1.5 px per cell, villages from 3, and
 * hamlets from 6, so a whole continent is not a wall of text.
 */
export function labelVisible(size: SettlementSize, capital: boolean, scale: number): boolean {
  if (capital || size === 'city') return true;
  if (size === 'town') return scale >= 1.5;
  if (size === 'village') return scale >= 3;
  return scale >= 6;
}

/**
 * Whether a marker is drawn at this zoom: capitals and cities always; towns, villages and hamlets from 0.35, 0.9 and
 * 1.6 px per cell; points of interest from 1.2. A 1024² world seen whole (about 0.6 px per cell) shows its cities and
 * towns, not a carpet of 1,500 dots; a 256² world seen whole shows everything.
 */
export function markerVisible(kind: 'settlement' | 'poi', size: SettlementSize | null, capital: boolean, scale: number): boolean {
  if (kind === 'poi') return scale >= 1.2;
  if (capital || size === 'city') return true;
  if (size === 'town') return scale >= 0.35;
  if (size === 'village') return scale >= 0.9;
  return scale >= 1.6;
}

/** The marker under a canvas point: the nearest whose hit circle (radius + slop) holds it; POIs win ties. */
export function hitTest(markers: readonly Marker[], view: View, sx: number, sy: number, slop = 4): Marker | null {
  let best: Marker | null = null;
  let bestD = Infinity;
  for (const m of markers) {
    const c = cellCentre(view, m.location.x, m.location.y);
    const d = Math.hypot(c.x - sx, c.y - sy);
    if (d > m.radius + slop) continue;
    if (d < bestD || (d === bestD && m.kind === 'poi')) {
      best = m;
      bestD = d;
    }
  }
  return best;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Greedy label placement: labels in rank order (highest first), each kept only if its box meets no earlier kept box
 * and lies inside the canvas. Returns the indices kept. Quadratic, which is fine for the few hundred labels a view
 * shows.
 */
export function placeLabels(boxes: readonly Box[], ranks: readonly number[], canvas: { width: number; height: number }): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => ranks[b] - ranks[a] || a - b);
  const kept: number[] = [];
  for (const i of order) {
    const b = boxes[i];
    if (b.x < 0 || b.y < 0 || b.x + b.w > canvas.width || b.y + b.h > canvas.height) continue;
    if (kept.some((k) => overlaps(boxes[k], b))) continue;
    kept.push(i);
  }
  return kept;
}
