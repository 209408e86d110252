/**
 * Pan and zoom for the map canvas. A view maps world cells to canvas pixels: cell (x, y)'s top-left corner lands at
 * (offsetX + x·scale, offsetY + y·scale). Everything here is pure, so the canvas component only stores a View.
 */
export interface View {
  /** Canvas pixels per cell. */
  scale: number;
  offsetX: number;
  offsetY: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Most canvas pixels per cell: past this a cell is a big flat square and zooming shows nothing new. */
export const MAX_SCALE = 16;

/** The whole world centred in the canvas with `padding` pixels around it. */
export function fitView(world: Size, canvas: Size, padding = 0): View {
  const w = Math.max(1, canvas.width - 2 * padding);
  const h = Math.max(1, canvas.height - 2 * padding);
  const scale = Math.min(w / world.width, h / world.height);
  return {
    scale,
    offsetX: (canvas.width - world.width * scale) / 2,
    offsetY: (canvas.height - world.height * scale) / 2,
  };
}

/** Zoom limits: from half the fitted scale (the world small in the middle) up to MAX_SCALE. */
export function scaleLimits(world: Size, canvas: Size): { min: number; max: number } {
  const fit = fitView(world, canvas).scale;
  return { min: fit / 2, max: Math.max(MAX_SCALE, fit) };
}

/** Canvas point → world position in cells (fractional). */
export function screenToWorld(view: View, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.offsetX) / view.scale, y: (sy - view.offsetY) / view.scale };
}

/** The cell under a canvas point, or null outside the world. */
export function cellAt(view: View, world: Size, sx: number, sy: number): { x: number; y: number } | null {
  const p = screenToWorld(view, sx, sy);
  const x = Math.floor(p.x);
  const y = Math.floor(p.y);
  return x >= 0 && y >= 0 && x < world.width && y < world.height ? { x, y } : null;
}

/** The canvas point at the centre of cell (x, y). */
export function cellCentre(view: View, x: number, y: number): { x: number; y: number } {
  return { x: view.offsetX + (x + 0.5) * view.scale, y: view.offsetY + (y + 0.5) * view.scale };
}

/** Zoom by `factor` keeping the world point under (sx, sy) fixed, with the scale clamped to [min, max]. */
export function zoomAt(view: View, factor: number, sx: number, sy: number, limits: { min: number; max: number }): View {
  const scale = Math.min(limits.max, Math.max(limits.min, view.scale * factor));
  const k = scale / view.scale;
  return { scale, offsetX: sx - (sx - view.offsetX) * k, offsetY: sy - (sy - view.offsetY) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, offsetX: view.offsetX + dx, offsetY: view.offsetY + dy };
}

/** Keep at least `margin` pixels of the world inside the canvas, so it cannot be dragged out of sight. */
export function clampView(view: View, world: Size, canvas: Size, margin = 48): View {
  const w = world.width * view.scale;
  const h = world.height * view.scale;
  const mx = Math.min(margin, w);
  const my = Math.min(margin, h);
  return {
    ...view,
    offsetX: Math.min(canvas.width - mx, Math.max(mx - w, view.offsetX)),
    offsetY: Math.min(canvas.height - my, Math.max(my - h, view.offsetY)),
  };
}

/** Zoom factor for a wheel event: one notch (100 px) is about ×1.25; line and page modes count as notches. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const clamped = Math.max(-400, Math.min(400, px));
  return Math.pow(2, -clamped / 300);
}

/** The visible world rectangle in cells, clipped to the world (for drawing only what shows). */
export function visibleCells(view: View, world: Size, canvas: Size): { x0: number; y0: number; x1: number; y1: number } {
  const a = screenToWorld(view, 0, 0);
  const b = screenToWorld(view, canvas.width, canvas.height);
  return {
    x0: Math.max(0, Math.floor(a.x)),
    y0: Math.max(0, Math.floor(a.y)),
    x1: Math.min(world.width, Math.ceil(b.x)),
    y1: Math.min(world.height, Math.ceil(b.y)),
  };
}

/** The view moved so cell (x, y)'s centre is in the middle of the canvas, zoomed in to at least `minScale`. */
export function centreOn(view: View, x: number, y: number, canvas: Size, minScale = view.scale): View {
  const scale = Math.max(view.scale, minScale);
  return { scale, offsetX: canvas.width / 2 - (x + 0.5) * scale, offsetY: canvas.height / 2 - (y + 0.5) * scale };
}
