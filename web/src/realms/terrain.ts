/**
 * The ground of a zone, drawn once per zone: decodes the map the server sends (`GET /api/realms/{id}/zones/{x}/{y}/map`)
 * and turns its layers into RGBA bytes, one pixel per tile, that the renderer scales up. The colours are the Forge
 * map's biome palette (lib/biomes.ts), shaded from the heights, with water, rivers, roads, settlements and the exits
 * drawn over them. The pixel work is a pure function so it is tested without a DOM.
 */
import { BIOME_NAMES, biomeColour, isWaterBiome } from '../lib/biomes';
import { BLOCKED, ZoneEdge } from './types';

/** A spawn point of a decoded map. */
export interface ZoneSpawn {
  id: string;
  name: string;
  /** `settlement`, `centre` or a point of interest's kind. */
  kind: string;
  tileX: number;
  tileY: number;
}

export type EdgeName = 'north' | 'east' | 'south' | 'west';

/**
 * The map's JSON: layers as base64 (cost and biomes one byte per tile, heights two bytes little-endian), row-major.
 * Both spellings seen so far are read: the design brief's (`biomes`, spawns with `tileX`/`tileY`, exits with a
 * `target`) and the server's ZoneDrawing (`biome`, spawns with `x`/`y`, exits with `x`/`y`).
 */
export interface ZoneMapJson {
  width: number;
  height: number;
  cost: string;
  biomes?: string;
  biome?: string;
  heights: string;
  spawns?: { id: string; name: string; kind: string; tileX?: number; tileY?: number; x?: number; y?: number }[];
  exits?: { edge: EdgeName; target?: { x: number; y: number }; x?: number; y?: number }[];
}

/** A zone's map decoded. */
export interface ZoneLayers {
  width: number;
  height: number;
  /** 0 blocked, 100 normal, more is slower, less (roads, settlements) faster. */
  cost: Uint8Array;
  /** Biome bytes (Forge's `Biome`). */
  biomes: Uint8Array;
  heights: Uint16Array;
  spawns: ZoneSpawn[];
  exits: { edge: ZoneEdge; target: { x: number; y: number } }[];
}

const EDGES: Record<EdgeName, ZoneEdge> = { north: ZoneEdge.North, east: ZoneEdge.East, south: ZoneEdge.South, west: ZoneEdge.West };

// The zone cutter's costs (ZoneCut.cs): these mark the features the biome layer does not show.
const RIVER_COST = 250;
const ROAD_COST = 70;
const SETTLEMENT_COST = 80;

// Forge's MapPalette: lake and river water, roads; settlements are drawn as paving, exits as a gold rim.
const LAKE: Rgb = [86, 150, 206];
const RIVER: Rgb = [46, 106, 190];
const ROAD: Rgb = [112, 74, 44];
const PAVING: Rgb = [168, 150, 128];
const EXIT: Rgb = [240, 196, 48];

type Rgb = [number, number, number];

function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Decodes the map's JSON, checking every layer has width × height values. */
export function decodeZoneMap(json: ZoneMapJson): ZoneLayers {
  const { width, height } = json;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`zone map: bad size ${width}×${height}`);
  }
  const cells = width * height;
  const cost = fromBase64(json.cost);
  const biomes = fromBase64(json.biomes ?? json.biome ?? '');
  const heightBytes = fromBase64(json.heights);
  if (cost.length !== cells) throw new Error(`zone map: cost has ${cost.length} values, expected ${cells}`);
  if (biomes.length !== cells) throw new Error(`zone map: biomes has ${biomes.length} values, expected ${cells}`);
  if (heightBytes.length !== cells * 2) throw new Error(`zone map: heights has ${heightBytes.length} bytes, expected ${cells * 2}`);
  const heights = new Uint16Array(cells);
  for (let i = 0; i < cells; i++) heights[i] = heightBytes[2 * i] | (heightBytes[2 * i + 1] << 8);
  const exits = (json.exits ?? []).map((e) => {
    const edge = EDGES[e.edge];
    if (edge === undefined) throw new Error(`zone map: unknown exit edge ${String(e.edge)}`);
    const target = e.target ?? { x: e.x ?? 0, y: e.y ?? 0 };
    return { edge, target: { x: target.x, y: target.y } };
  });
  const spawns = (json.spawns ?? []).map((p) => ({ id: p.id, name: p.name, kind: p.kind, tileX: p.tileX ?? p.x ?? 0, tileY: p.tileY ?? p.y ?? 0 }));
  return { width, height, cost, biomes, heights, spawns, exits };
}

function hexRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const BIOME_RGB: Rgb[] = BIOME_NAMES.map((name) => hexRgb(biomeColour(name)));
const UNKNOWN_RGB = hexRgb(biomeColour(''));
const WATER_BIOME: boolean[] = BIOME_NAMES.map((name) => isWaterBiome(name));

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Whether a tile is drawn as water (sea biomes, and blocked land: lakes). */
export function isWaterTile(layers: ZoneLayers, i: number): boolean {
  return WATER_BIOME[layers.biomes[i]] === true || layers.cost[i] === BLOCKED;
}

/** Height units per unit of shading slope: one tile's rise of this much tilts the surface 45° (the zone cutter
 * counts a step of 3200 as the steepest ground). */
const RELIEF = 640;

/**
 * Brightness factor (1 = unchanged) of a Lambertian hillshade lit from the north-west at 45°, from a Sobel gradient
 * of the heights as Forge's MapShader does; water counts as flat so coasts are not shaded by the sea floor.
 */
export function hillshade(layers: ZoneLayers, x: number, y: number): number {
  const { width: w, height: h, heights } = layers;
  const xl = Math.max(x - 1, 0), xr = Math.min(x + 1, w - 1);
  const yu = Math.max(y - 1, 0), yd = Math.min(y + 1, h - 1);
  const here = heights[y * w + x];
  const s = (cx: number, cy: number) => {
    const i = cy * w + cx;
    return isWaterTile(layers, i) ? here : heights[i];
  };
  const dx = (s(xr, yu) + 2 * s(xr, y) + s(xr, yd) - (s(xl, yu) + 2 * s(xl, y) + s(xl, yd))) / 8 / RELIEF;
  const dy = (s(xl, yd) + 2 * s(x, yd) + s(xr, yd) - (s(xl, yu) + 2 * s(x, yu) + s(xr, yu))) / 8 / RELIEF;
  // Normal (−dx, −dy, 1), light (−1, −1, √2)/2: facing north-west is lit, south-east is in shade.
  const cosine = (dx + dy + Math.SQRT2) / (2 * Math.sqrt(dx * dx + dy * dy + 1));
  const flat = Math.SQRT2 / 2;
  return Math.min(1.3, Math.max(0.7, cosine / flat));
}

function edgeOf(layers: ZoneLayers, x: number, y: number): ZoneEdge[] {
  const out: ZoneEdge[] = [];
  if (y === 0) out.push(ZoneEdge.North);
  if (x === layers.width - 1) out.push(ZoneEdge.East);
  if (y === layers.height - 1) out.push(ZoneEdge.South);
  if (x === 0) out.push(ZoneEdge.West);
  return out;
}

/** The zone's colours, one RGBA pixel per tile, row-major (an ImageData's layout). */
export function terrainPixels(layers: ZoneLayers): Uint8ClampedArray {
  const { width, height, cost, biomes } = layers;
  const out = new Uint8ClampedArray(width * height * 4);
  const exitEdges = new Set(layers.exits.map((e) => e.edge));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const c = cost[i];
      const base = BIOME_RGB[biomes[i]] ?? UNKNOWN_RGB;
      let rgb: Rgb;
      if (WATER_BIOME[biomes[i]] === true) rgb = base;
      else if (c === BLOCKED) rgb = LAKE;
      else {
        const shade = hillshade(layers, x, y);
        const ground: Rgb = [base[0] * shade, base[1] * shade, base[2] * shade];
        if (c === RIVER_COST) rgb = mix(ground, RIVER, 0.8);
        else if (c === ROAD_COST) rgb = mix(ground, ROAD, 0.6);
        else if (c === SETTLEMENT_COST) rgb = mix(ground, PAVING, 0.7);
        else rgb = ground;
        if (exitEdges.size > 0 && edgeOf(layers, x, y).some((e) => exitEdges.has(e))) rgb = mix(rgb, EXIT, 0.75);
      }
      out[4 * i] = rgb[0];
      out[4 * i + 1] = rgb[1];
      out[4 * i + 2] = rgb[2];
      out[4 * i + 3] = 255;
    }
  }
  return out;
}

/** The zone drawn into a canvas of one pixel per tile, for the renderer to scale up without smoothing. */
export function terrainCanvas(layers: ZoneLayers, doc: Document = document): HTMLCanvasElement {
  const canvas = doc.createElement('canvas');
  canvas.width = layers.width;
  canvas.height = layers.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas not available');
  const image = ctx.createImageData(layers.width, layers.height);
  image.data.set(terrainPixels(layers));
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** The tile's movement cost, or blocked outside the zone. */
export function costAt(layers: Pick<ZoneLayers, 'width' | 'height' | 'cost'>, tileX: number, tileY: number): number {
  if (tileX < 0 || tileY < 0 || tileX >= layers.width || tileY >= layers.height) return BLOCKED;
  return layers.cost[tileY * layers.width + tileX];
}
