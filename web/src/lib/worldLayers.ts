import { biomeName, isWaterBiome } from './biomes';

/** A layer of the canonical world document: base64 of its bytes, one value per cell, row-major. */
export interface EncodedLayer {
  data: string;
  encoding: string;
  width: number;
  height: number;
}

/** Base64 → bytes (standard alphabet with padding, as the canonical writer emits). */
export function decodeBase64(b64: string): Uint8Array {
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export type LayerValues = Uint8Array | Int8Array | Uint16Array | Uint32Array;

const BYTES: Record<string, number> = { u8: 1, i8: 1, u16le: 2, u32le: 4 };

/**
 * Decode one layer into a typed array of width·height values. Multi-byte values are little-endian in the document;
 * they are assembled byte by byte so the result does not depend on the machine's byte order.
 */
export function decodeLayer(layer: EncodedLayer): LayerValues {
  const per = BYTES[layer.encoding];
  if (!per) throw new Error(`Unknown layer encoding "${layer.encoding}".`);
  const cells = layer.width * layer.height;
  const bytes = decodeBase64(layer.data);
  if (bytes.length !== cells * per) {
    throw new Error(`Layer holds ${bytes.length} bytes; ${layer.width}×${layer.height} ${layer.encoding} needs ${cells * per}.`);
  }
  switch (layer.encoding) {
    case 'u8':
      return bytes;
    case 'i8':
      return new Int8Array(bytes.buffer, bytes.byteOffset, cells);
    case 'u16le': {
      const out = new Uint16Array(cells);
      for (let i = 0, j = 0; i < cells; i++, j += 2) out[i] = bytes[j] | (bytes[j + 1] << 8);
      return out;
    }
    default: {
      const out = new Uint32Array(cells);
      for (let i = 0, j = 0; i < cells; i++, j += 4) out[i] = (bytes[j] | (bytes[j + 1] << 8) | (bytes[j + 2] << 16) | (bytes[j + 3] << 24)) >>> 0;
      return out;
    }
  }
}

/** What the hover box needs from a world: heights and biomes per cell, and the sea level. */
export interface Terrain {
  width: number;
  height: number;
  heights: Uint16Array | null;
  biomes: Uint8Array | null;
  /** 1-based index into the world's lakes per cell, 0 for none. */
  lakes: Uint32Array | null;
  seaLevel: number | null;
}

/** Decode the height, biome and lake layers of a world document (other layers are left alone). */
export function terrainFromDocument(doc: { seaLevel?: number; layers?: Record<string, EncodedLayer | undefined> }): Terrain {
  const h = doc.layers?.height;
  const b = doc.layers?.biomes;
  const l = doc.layers?.lakes;
  const any = h ?? b;
  return {
    width: any?.width ?? 0,
    height: any?.height ?? 0,
    heights: h ? (decodeLayer(h) as Uint16Array) : null,
    biomes: b ? (decodeLayer(b) as Uint8Array) : null,
    lakes: l ? (decodeLayer(l) as Uint32Array) : null,
    seaLevel: typeof doc.seaLevel === 'number' ? doc.seaLevel : null,
  };
}

export interface CellInfo {
  x: number;
  y: number;
  biome: string | null;
  elevation: number | null;
  /** Elevation minus sea level (negative under water). */
  relative: number | null;
  /** 1-based lake index, 0 when the cell is not under a lake. */
  lake: number;
  /** Sea or lake: no settlement or point of interest may stand here. */
  water: boolean;
}

export function cellInfo(t: Terrain, x: number, y: number): CellInfo | null {
  if (x < 0 || y < 0 || x >= t.width || y >= t.height) return null;
  const i = y * t.width + x;
  const biome = t.biomes ? biomeName(t.biomes[i]) : null;
  const elevation = t.heights ? t.heights[i] : null;
  const relative = elevation !== null && t.seaLevel !== null ? elevation - t.seaLevel : null;
  const lake = t.lakes ? t.lakes[i] : 0;
  const sea = biome !== null ? isWaterBiome(biome) : relative !== null && relative <= 0;
  return { x, y, biome, elevation, relative, lake, water: sea || lake > 0 };
}

/** Whether a settlement or point of interest may stand on the cell: not sea (by the biome layer, or the sea level without one) and not a lake. */
export function isLand(t: Terrain, x: number, y: number): boolean {
  const c = cellInfo(t, x, y);
  return c !== null && !c.water;
}

/** "1,234 above sea" / "320 below sea" / "at sea level", in elevation units (0–65535). */
export function describeHeight(info: CellInfo): string {
  if (info.relative === null) return info.elevation === null ? '—' : info.elevation.toLocaleString('en-US');
  if (info.relative === 0) return 'at sea level';
  const n = Math.abs(info.relative).toLocaleString('en-US');
  return info.relative > 0 ? `${n} above sea` : `${n} below sea`;
}
