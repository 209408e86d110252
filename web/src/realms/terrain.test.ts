import { describe, expect, it } from 'vitest';
import { costAt, decodeZoneMap, hillshade, terrainPixels, type ZoneLayers, type ZoneMapJson } from './terrain';
import { ZoneEdge } from './types';

function b64(bytes: number[]): string {
  return btoa(String.fromCharCode(...bytes));
}

function layers(width: number, height: number, fill: Partial<{ cost: number; biome: number; height: number }> = {}): ZoneLayers {
  const cells = width * height;
  return {
    width,
    height,
    cost: new Uint8Array(cells).fill(fill.cost ?? 100),
    biomes: new Uint8Array(cells).fill(fill.biome ?? 7),
    heights: new Uint16Array(cells).fill(fill.height ?? 30000),
    spawns: [],
    exits: [],
  };
}

function pixel(px: Uint8ClampedArray, width: number, x: number, y: number): number[] {
  const i = 4 * (y * width + x);
  return [px[i], px[i + 1], px[i + 2], px[i + 3]];
}

describe('decodeZoneMap', () => {
  it('decodes base64 layers, little-endian heights and named edges', () => {
    const json: ZoneMapJson = {
      width: 2,
      height: 1,
      cost: b64([0, 100]),
      biomes: b64([0, 7]),
      heights: b64([0x34, 0x12, 0xff, 0xff]),
      spawns: [{ id: 'centre', name: 'Centre', kind: 'centre', tileX: 1, tileY: 0 }],
      exits: [{ edge: 'east', target: { x: 1, y: 0 } }],
    };
    const map = decodeZoneMap(json);
    expect([...map.cost]).toEqual([0, 100]);
    expect([...map.biomes]).toEqual([0, 7]);
    expect([...map.heights]).toEqual([0x1234, 0xffff]);
    expect(map.exits).toEqual([{ edge: ZoneEdge.East, target: { x: 1, y: 0 } }]);
    expect(map.spawns[0].kind).toBe('centre');
  });

  it("also reads the server's spelling (biome, spawn x/y, exit x/y)", () => {
    const map = decodeZoneMap({
      width: 1,
      height: 1,
      cost: b64([100]),
      biome: b64([3]),
      heights: b64([1, 0]),
      spawns: [{ id: 's1', name: 'Ashford', kind: 'settlement', x: 0, y: 0 }],
      exits: [{ edge: 'south', x: 2, y: 5 }],
    });
    expect([...map.biomes]).toEqual([3]);
    expect(map.spawns[0]).toEqual({ id: 's1', name: 'Ashford', kind: 'settlement', tileX: 0, tileY: 0 });
    expect(map.exits).toEqual([{ edge: ZoneEdge.South, target: { x: 2, y: 5 } }]);
  });

  it('refuses layers of the wrong length', () => {
    const json: ZoneMapJson = { width: 2, height: 2, cost: b64([1, 2, 3]), biomes: b64([0, 0, 0, 0]), heights: b64(new Array(8).fill(0)), spawns: [], exits: [] };
    expect(() => decodeZoneMap(json)).toThrow(/cost has 3 values, expected 4/);
    expect(() => decodeZoneMap({ ...json, cost: b64([1, 2, 3, 4]), heights: b64([0, 0]) })).toThrow(/heights/);
    expect(() => decodeZoneMap({ ...json, cost: b64([1, 2, 3, 4]), biomes: undefined })).toThrow(/biomes has 0/);
    expect(() => decodeZoneMap({ ...json, exits: [{ edge: 'up' as 'north', target: { x: 0, y: 0 } }], cost: b64([1, 2, 3, 4]) })).toThrow(/edge/);
  });
});

describe('terrainPixels', () => {
  it('paints flat grassland in the Forge palette, opaque', () => {
    const map = layers(3, 3);
    const px = terrainPixels(map);
    expect(px.length).toBe(36);
    expect(pixel(px, 3, 1, 1)).toEqual([0x9c, 0xbc, 0x66, 255]);
  });

  it('paints sea biomes and blocked land (lakes) as water', () => {
    const map = layers(3, 1);
    map.biomes[0] = 0; // ocean
    map.cost[0] = 0;
    map.cost[1] = 0; // a lake on grassland
    const px = terrainPixels(map);
    expect(pixel(px, 3, 0, 0)).toEqual([0x28, 0x56, 0x96, 255]);
    expect(pixel(px, 3, 1, 0)).toEqual([86, 150, 206, 255]);
  });

  it('tells roads, settlements and rivers apart from the ground they cross', () => {
    const map = layers(4, 1);
    map.cost[0] = 70;
    map.cost[1] = 80;
    map.cost[2] = 250;
    const px = terrainPixels(map);
    const ground = pixel(px, 4, 3, 0);
    const road = pixel(px, 4, 0, 0);
    const town = pixel(px, 4, 1, 0);
    const river = pixel(px, 4, 2, 0);
    expect(road[0] + road[1] + road[2]).toBeLessThan(ground[0] + ground[1] + ground[2]);
    expect(town).not.toEqual(ground);
    expect(river[2]).toBeGreaterThan(river[0]);
  });

  it('lights slopes facing north-west and shades those facing south-east', () => {
    const map = layers(5, 1);
    // Rising to the east: the slope faces west, towards the light.
    for (let x = 0; x < 5; x++) map.heights[x] = 1000 + 100 * x;
    expect(hillshade(map, 2, 0)).toBeGreaterThan(1);
    for (let x = 0; x < 5; x++) map.heights[x] = 2000 - 100 * x;
    expect(hillshade(map, 2, 0)).toBeLessThan(1);
    expect(hillshade(layers(3, 3), 1, 1)).toBeCloseTo(1, 10);
  });

  it('marks the walkable tiles of edges with an exit', () => {
    const map = layers(3, 3);
    map.exits = [{ edge: ZoneEdge.North, target: { x: 0, y: 0 } }];
    map.biomes[1] = 0;
    map.cost[1] = 0;
    const px = terrainPixels(map);
    const plain = pixel(px, 3, 1, 2);
    expect(pixel(px, 3, 0, 0)).not.toEqual(plain);
    expect(pixel(px, 3, 1, 0)).toEqual([0x28, 0x56, 0x96, 255]);
    expect(pixel(px, 3, 0, 2)).toEqual(plain);
  });
});

describe('costAt', () => {
  it('is blocked outside the zone', () => {
    const map = layers(2, 2, { cost: 120 });
    expect(costAt(map, 1, 1)).toBe(120);
    expect(costAt(map, -1, 0)).toBe(0);
    expect(costAt(map, 2, 0)).toBe(0);
  });
});
