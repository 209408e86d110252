import { describe, expect, it } from 'vitest';
import { cellAt, cellCentre, clampView, fitView, panBy, scaleLimits, screenToWorld, visibleCells, wheelFactor, zoomAt } from './viewport';
import { cellInfo, decodeBase64, decodeLayer, describeHeight, isLand, terrainFromDocument } from './worldLayers';

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('viewport', () => {
  const world = { width: 256, height: 128 };
  const canvas = { width: 800, height: 600 };

  it('fits the world centred', () => {
    const v = fitView(world, canvas);
    expect(v.scale).toBe(800 / 256);
    expect(v.offsetX).toBe(0);
    expect(v.offsetY).toBe((600 - 128 * v.scale) / 2);
    const padded = fitView(world, canvas, 16);
    expect(padded.scale).toBe(768 / 256);
  });

  it('maps screen points to cells and back', () => {
    const v = { scale: 4, offsetX: 10, offsetY: 20 };
    expect(screenToWorld(v, 10, 20)).toEqual({ x: 0, y: 0 });
    expect(cellAt(v, world, 10 + 4 * 7 + 3.9, 20 + 4 * 5)).toEqual({ x: 7, y: 5 });
    expect(cellAt(v, world, 9, 25)).toBeNull();
    expect(cellAt(v, world, 10 + 4 * 256, 25)).toBeNull();
    expect(cellCentre(v, 7, 5)).toEqual({ x: 10 + 4 * 7.5, y: 20 + 4 * 5.5 });
  });

  it('zooms about the cursor: the world point under it stays put', () => {
    const v = { scale: 2, offsetX: 30, offsetY: -12 };
    const limits = { min: 0.5, max: 48 };
    const cursor = { x: 333, y: 211 };
    const before = screenToWorld(v, cursor.x, cursor.y);
    const z = zoomAt(v, 1.7, cursor.x, cursor.y, limits);
    expect(z.scale).toBeCloseTo(3.4);
    const after = screenToWorld(z, cursor.x, cursor.y);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
  });

  it('clamps zoom to the limits and still keeps the cursor point fixed', () => {
    const v = { scale: 40, offsetX: 0, offsetY: 0 };
    const z = zoomAt(v, 4, 100, 100, { min: 1, max: 48 });
    expect(z.scale).toBe(48);
    expect(screenToWorld(z, 100, 100).x).toBeCloseTo(screenToWorld(v, 100, 100).x, 9);
    const lim = scaleLimits(world, canvas);
    expect(lim.min).toBeCloseTo(800 / 256 / 2);
    expect(lim.max).toBe(48);
  });

  it('pans and keeps part of the world on screen', () => {
    const v = panBy({ scale: 1, offsetX: 0, offsetY: 0 }, 5, -7);
    expect(v).toEqual({ scale: 1, offsetX: 5, offsetY: -7 });
    const far = clampView({ scale: 1, offsetX: 5000, offsetY: -5000 }, world, canvas, 48);
    expect(far.offsetX).toBe(800 - 48);
    expect(far.offsetY).toBe(48 - 128);
  });

  it('turns wheel deltas into zoom factors', () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(100) * wheelFactor(-100)).toBeCloseTo(1);
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(99));
    expect(wheelFactor(100000)).toBe(wheelFactor(400));
  });

  it('lists the visible cells', () => {
    const v = { scale: 4, offsetX: -40, offsetY: 0 };
    expect(visibleCells(v, world, { width: 100, height: 100 })).toEqual({ x0: 10, y0: 0, x1: 35, y1: 25 });
  });
});

describe('world layers', () => {
  it('decodes base64', () => {
    expect([...decodeBase64(b64([0, 1, 255, 128]))]).toEqual([0, 1, 255, 128]);
    expect([...decodeBase64('')]).toEqual([]);
  });

  it('decodes each encoding little-endian', () => {
    expect([...decodeLayer({ data: b64([3, 9]), encoding: 'u8', width: 2, height: 1 })]).toEqual([3, 9]);
    expect([...decodeLayer({ data: b64([0xff, 5]), encoding: 'i8', width: 1, height: 2 })]).toEqual([-1, 5]);
    expect([...decodeLayer({ data: b64([0x34, 0x12, 0xff, 0xff]), encoding: 'u16le', width: 2, height: 1 })]).toEqual([0x1234, 65535]);
    expect([...decodeLayer({ data: b64([1, 0, 0, 0x80]), encoding: 'u32le', width: 1, height: 1 })]).toEqual([0x80000001]);
  });

  it('refuses a layer of the wrong length or encoding', () => {
    expect(() => decodeLayer({ data: b64([1, 2, 3]), encoding: 'u16le', width: 2, height: 1 })).toThrow(/needs 4/);
    expect(() => decodeLayer({ data: '', encoding: 'f32', width: 0, height: 0 })).toThrow(/Unknown/);
  });

  it('answers height and biome per cell', () => {
    // 2×2 world: heights 100, 30000, 32000, 40000 (LE); biomes ocean, beach, grassland, alpine; sea level 31000.
    const heights = [100, 30000, 32000, 40000].flatMap((h) => [h & 0xff, h >> 8]);
    const t = terrainFromDocument({
      seaLevel: 31000,
      layers: {
        height: { data: b64(heights), encoding: 'u16le', width: 2, height: 2 },
        biomes: { data: b64([0, 3, 7, 16]), encoding: 'u8', width: 2, height: 2 },
      },
    });
    expect(cellInfo(t, 0, 0)).toEqual({ x: 0, y: 0, biome: 'ocean', elevation: 100, relative: -30900, water: true });
    expect(cellInfo(t, 1, 1)).toMatchObject({ biome: 'alpine', elevation: 40000, relative: 9000, water: false });
    expect(cellInfo(t, 2, 0)).toBeNull();
    expect(isLand(t, 0, 1)).toBe(true);
    expect(isLand(t, 0, 0)).toBe(false);
    expect(describeHeight(cellInfo(t, 1, 1)!)).toBe('9,000 above sea');
    expect(describeHeight(cellInfo(t, 0, 0)!)).toBe('30,900 below sea');
  });

  it('falls back to the sea level when there is no biome layer', () => {
    const t = terrainFromDocument({ seaLevel: 10, layers: { height: { data: b64([5, 0, 20, 0]), encoding: 'u16le', width: 2, height: 1 } } });
    expect(cellInfo(t, 0, 0)).toMatchObject({ biome: null, water: true });
    expect(isLand(t, 1, 0)).toBe(true);
  });
});
