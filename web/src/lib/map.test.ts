import { describe, expect, it } from 'vitest';
import { cellAt, cellCentre, centreOn, clampView, fitView, panBy, scaleLimits, screenToWorld, visibleCells, wheelFactor, zoomAt } from './viewport';
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
    expect(lim.max).toBe(16);
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

  it('centres on a cell, zooming in if asked', () => {
    const v = centreOn({ scale: 2, offsetX: 0, offsetY: 0 }, 10, 20, canvas, 6);
    expect(v.scale).toBe(6);
    expect(cellCentre(v, 10, 20)).toEqual({ x: 400, y: 300 });
    expect(centreOn({ scale: 8, offsetX: 0, offsetY: 0 }, 0, 0, canvas, 6).scale).toBe(8);
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
        lakes: { data: b64([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0]), encoding: 'u32le', width: 2, height: 2 },
      },
    });
    expect(cellInfo(t, 0, 0)).toEqual({ x: 0, y: 0, biome: 'ocean', elevation: 100, relative: -30900, lake: 0, water: true });
    expect(cellInfo(t, 1, 1)).toMatchObject({ lake: 2, water: true });
    expect(isLand(t, 1, 1)).toBe(false);
    expect(cellInfo(t, 1, 1)).toMatchObject({ biome: 'alpine', elevation: 40000, relative: 9000 });
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

describe('map markers', () => {
  it('sizes settlements by class and zoom', async () => {
    const { settlementRadius, labelVisible } = await import('./mapMarkers');
    expect(settlementRadius('city', false, 1)).toBeGreaterThan(settlementRadius('hamlet', false, 1));
    expect(settlementRadius('town', true, 1)).toBeGreaterThan(settlementRadius('town', false, 1));
    expect(settlementRadius('town', false, 0.2)).toBe(settlementRadius('town', false, 2));
    expect(settlementRadius('town', false, 100)).toBe(2 * settlementRadius('town', false, 1));
    expect(labelVisible('hamlet', false, 2)).toBe(false);
    expect(labelVisible('hamlet', true, 0.5)).toBe(true);
    expect(labelVisible('village', false, 3)).toBe(true);
  });

  it('thins markers out as the map zooms out', async () => {
    const { markerVisible } = await import('./mapMarkers');
    expect(markerVisible('settlement', 'city', false, 0.1)).toBe(true);
    expect(markerVisible('settlement', 'hamlet', true, 0.1)).toBe(true);
    expect(markerVisible('settlement', 'town', false, 0.6)).toBe(true);
    expect(markerVisible('settlement', 'village', false, 0.6)).toBe(false);
    expect(markerVisible('settlement', 'hamlet', false, 1.8)).toBe(true);
    expect(markerVisible('poi', null, false, 0.6)).toBe(false);
    expect(markerVisible('poi', null, false, 1.8)).toBe(true);
  });

  it('hit-tests the nearest marker within its radius', async () => {
    const { hitTest } = await import('./mapMarkers');
    const view = { scale: 10, offsetX: 0, offsetY: 0 };
    const markers = [
      { id: 'a', kind: 'settlement' as const, location: { x: 1, y: 1 }, radius: 5, label: 'A', rank: 1 },
      { id: 'b', kind: 'settlement' as const, location: { x: 2, y: 1 }, radius: 5, label: 'B', rank: 1 },
      { id: 'p', kind: 'poi' as const, location: { x: 5, y: 5 }, radius: 4, label: 'P', rank: 0 },
    ];
    expect(hitTest(markers, view, 15, 15)?.id).toBe('a');
    expect(hitTest(markers, view, 24, 15)?.id).toBe('b');
    expect(hitTest(markers, view, 55, 62)?.id).toBe('p');
    expect(hitTest(markers, view, 55, 70)).toBeNull();
  });

  it('places labels greedily by rank without overlaps', async () => {
    const { placeLabels } = await import('./mapMarkers');
    const boxes = [
      { x: 0, y: 0, w: 50, h: 10 },
      { x: 40, y: 5, w: 50, h: 10 },
      { x: 100, y: 0, w: 20, h: 10 },
      { x: 190, y: 0, w: 20, h: 10 },
    ];
    expect(placeLabels(boxes, [1, 2, 1, 5], { width: 200, height: 100 }).sort()).toEqual([1, 2]);
  });
});

describe('tiles', () => {
  it('knows the deepest zoom: a cell at least 4 pixels wide', async () => {
    const { maxTileZoom } = await import('./tiles');
    expect(maxTileZoom({ width: 256, height: 256 })).toBe(2);
    expect(maxTileZoom({ width: 64, height: 64 })).toBe(0);
    expect(maxTileZoom({ width: 4096, height: 1024 })).toBe(6);
    expect(maxTileZoom({ width: 300, height: 300 })).toBe(3);
  });

  it('picks the zoom that matches the screen, capped', async () => {
    const { tileZoom } = await import('./tiles');
    const world = { width: 1024, height: 1024 };
    expect(tileZoom(0.25, world)).toBe(0);
    expect(tileZoom(0.5, world)).toBe(1);
    expect(tileZoom(0.6, world)).toBe(2);
    expect(tileZoom(100, world)).toBe(4);
  });

  it('lists the tiles in view, clipped to the world', async () => {
    const { visibleTiles } = await import('./tiles');
    const world = { width: 512, height: 256 };
    // z=1: a tile covers 256 cells; at scale 1 it is 256 px; the world is 2×1 tiles.
    const all = visibleTiles({ scale: 1, offsetX: 0, offsetY: 0 }, world, { width: 1000, height: 1000 }, 1);
    expect(all.map((t) => [t.x, t.y])).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(all[1]).toMatchObject({ left: 256, top: 0, size: 256 });
    const part = visibleTiles({ scale: 2, offsetX: -600, offsetY: -10 }, world, { width: 100, height: 100 }, 1);
    expect(part.map((t) => [t.x, t.y])).toEqual([[1, 0]]);
  });
});
