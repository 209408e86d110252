import type { Size, View } from './viewport';

/** Tile edge in pixels (MapRenderer.TileSize). */
export const TILE = 256;

/**
 * The deepest zoom the server renders for a world: the first at which a cell is at least 4 pixels wide
 * (MapRenderer.MaxZoom); asking for more is an error.
 */
export function maxTileZoom(world: Size): number {
  const side = Math.max(world.width, world.height);
  let z = 0;
  while (TILE << z < side * 4) z++;
  return z;
}

/**
 * The tile zoom that gives at least one tile pixel per screen pixel at `scale` (screen pixels per cell), capped at the
 * world's maximum. At zoom z the longer side spans 256·2^z pixels.
 */
export function tileZoom(scale: number, world: Size): number {
  const side = Math.max(world.width, world.height);
  const want = Math.ceil(Math.log2(Math.max(1e-9, (scale * side) / TILE)));
  return Math.max(0, Math.min(maxTileZoom(world), want));
}

export interface TileRef {
  z: number;
  x: number;
  y: number;
  /** Where it lands on the canvas, and its edge there, in canvas pixels. */
  left: number;
  top: number;
  size: number;
}

/** The tiles at zoom z that cover the visible part of the world, row by row. */
export function visibleTiles(view: View, world: Size, canvas: Size, z: number): TileRef[] {
  const cellsPerTile = Math.max(world.width, world.height) / (1 << z);
  const size = cellsPerTile * view.scale;
  const cols = Math.ceil(world.width / cellsPerTile);
  const rows = Math.ceil(world.height / cellsPerTile);
  const x0 = Math.max(0, Math.floor(-view.offsetX / size));
  const y0 = Math.max(0, Math.floor(-view.offsetY / size));
  const x1 = Math.min(cols - 1, Math.floor((canvas.width - view.offsetX) / size));
  const y1 = Math.min(rows - 1, Math.floor((canvas.height - view.offsetY) / size));
  const out: TileRef[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) out.push({ z, x, y, left: view.offsetX + x * size, top: view.offsetY + y * size, size });
  }
  return out;
}
