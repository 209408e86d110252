import { describe, expect, it, vi } from 'vitest';
import { parseServerTiming, type BatchItem } from '../api/forge';
import { parseSort, sortOptions, sortValue } from './batchSort';
import { biomeMix, factionColour, formatPermille, humanize } from './biomes';
import { debounce, type Timers } from './debounce';
import { stageLabel } from './jobs';
import { addPoi, deleteSettlement, moveSettlement, renameSettlement } from './overrides';
import {
  DEFAULT_FORM,
  parseBatchSeeds,
  parseSize,
  previewKey,
  previewRequest,
  requestFromStored,
  validateWorldForm,
  worldRequest,
} from './worldParams';

/** Manual timers: advance() runs whatever is due. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (h) => void pending.delete(h as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= now) {
        pending.delete(id);
        t.fn();
      }
    }
  };
  return { timers, advance };
}

describe('debounce', () => {
  it('runs once, with the last arguments, after the quiet period', () => {
    const { timers, advance } = fakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 150, timers);
    d(1);
    advance(100);
    d(2);
    advance(100);
    d(3);
    expect(fn).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    advance(149);
    expect(fn).not.toHaveBeenCalled();
    advance(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(3);
    expect(d.pending).toBe(false);
  });
  it('cancels and flushes', () => {
    const { timers, advance } = fakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 150, timers);
    d('a');
    d.cancel();
    advance(500);
    expect(fn).not.toHaveBeenCalled();
    d('b');
    d.flush();
    expect(fn).toHaveBeenCalledWith('b');
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('world form', () => {
  it('validates seed and size like the server', () => {
    expect(validateWorldForm({ ...DEFAULT_FORM, seed: '' }).seed).toBeDefined();
    expect(validateWorldForm({ ...DEFAULT_FORM, seed: '42', size: '63' }).size).toBeDefined();
    expect(validateWorldForm({ ...DEFAULT_FORM, seed: '42', size: '4097' }).size).toBeDefined();
    expect(validateWorldForm({ ...DEFAULT_FORM, seed: '42', size: '12.5' }).size).toBeDefined();
    expect(validateWorldForm({ ...DEFAULT_FORM, seed: 'dragon coast', size: '4096' })).toEqual({});
    expect(parseSize(' 512 ')).toBe(512);
    expect(parseSize('1e3')).toBeNull();
  });
  it('builds the world body with the seed as text and the name only when given', () => {
    const body = worldRequest({ ...DEFAULT_FORM, seed: ' 42 ', size: '1024', seaLevel: 61 });
    expect(body).toEqual({
      seed: '42',
      size: 1024,
      preset: 'continent',
      seaLevel: 61,
      roughness: 50,
      temperatureBias: 0,
      moistureBias: 0,
      settlementDensity: 50,
      factionCount: 4,
    });
    expect(worldRequest({ ...DEFAULT_FORM, seed: 'x', name: ' Isles ' }).name).toBe('Isles');
  });
  it('previews at most 256 per side and not at all while invalid', () => {
    expect(previewRequest({ ...DEFAULT_FORM, seed: '7', size: '2048' })?.size).toBe(256);
    expect(previewRequest({ ...DEFAULT_FORM, seed: '7', size: '128' })?.size).toBe(128);
    expect(previewRequest({ ...DEFAULT_FORM, seed: '', size: '128' })).toBeNull();
    expect(previewRequest({ ...DEFAULT_FORM, seed: '7', size: 'abc' })).toBeNull();
    const a = previewRequest({ ...DEFAULT_FORM, seed: '7', size: '512' });
    const b = previewRequest({ ...DEFAULT_FORM, seed: '7', size: '1024' });
    expect(previewKey(a)).toBe(previewKey(b));
    expect(previewKey(null)).toBe('');
  });
  it('regenerates a batch seed with the batch parameters', () => {
    const p = { width: 64, height: 96, preset: 'desert' as const, seaLevel: 40, roughness: 10, temperatureBias: 5, moistureBias: -5, settlementDensity: 20, factionCount: 3 };
    expect(requestFromStored('9', p, 'Seed 9')).toEqual({ seed: '9', name: 'Seed 9', ...p });
  });
  it('reads batch seeds as a range, a list or one seed', () => {
    expect(parseBatchSeeds(' 1 .. 6 ')).toBe('1..6');
    expect(parseBatchSeeds('-3..3')).toBe('-3..3');
    expect(parseBatchSeeds('1, 5,9,')).toEqual(['1', '5', '9']);
    expect(parseBatchSeeds('dragon')).toEqual(['dragon']);
    expect(parseBatchSeeds('  ')).toBeNull();
  });
});

describe('server timing', () => {
  it('reads the forge duration', () => {
    expect(parseServerTiming('forge;dur=501.0', 'forge')).toBe(501);
    expect(parseServerTiming('db;dur=3, forge;desc="x";dur=12.5', 'forge')).toBe(12.5);
    expect(parseServerTiming('db;dur=3', 'forge')).toBeNull();
    expect(parseServerTiming(null, 'forge')).toBeNull();
  });
});

describe('biomes', () => {
  it('labels, colours and mixes', () => {
    expect(humanize('temperate_rainforest')).toBe('Temperate rainforest');
    expect(factionColour(0xbe0032)).toBe('#be0032');
    expect(factionColour(0x0000ff)).toBe('#0000ff');
    expect(formatPermille(323)).toBe('32.3%');
    expect(formatPermille(null)).toBe('—');
    const mix = biomeMix({ grassland: 79, ocean: 596, taiga: 79, savanna: 0 });
    expect(mix.map((m) => m.name)).toEqual(['ocean', 'taiga', 'grassland']);
    expect(mix[0].colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('overrides', () => {
  const s = { id: 'settlement-1', name: 'Meglan', location: { x: 10, y: 12 } };
  it('renames with a trimmed, changed, bounded name', () => {
    expect(renameSettlement(s, ' Northwatch ')).toEqual({
      ok: true,
      override: { kind: 'rename_settlement', settlementId: 'settlement-1', name: 'Northwatch' },
      message: 'Renamed Meglan to Northwatch',
    });
    expect(renameSettlement(s, '  ')).toMatchObject({ ok: false, errors: { name: [expect.any(String)] } });
    expect(renameSettlement(s, 'Meglan')).toMatchObject({ ok: false });
    expect(renameSettlement(s, 'x'.repeat(101))).toMatchObject({ ok: false });
  });
  it('moves only onto another land cell', () => {
    expect(moveSettlement(s, { x: 3, y: 4 }, true)).toMatchObject({ ok: true, override: { kind: 'move_settlement', to: { x: 3, y: 4 } } });
    expect(moveSettlement(s, { x: 3, y: 4 }, false)).toMatchObject({ ok: false, errors: { to: [expect.any(String)] } });
    expect(moveSettlement(s, { x: 10, y: 12 }, true)).toMatchObject({ ok: false });
  });
  it('deletes and adds points of interest', () => {
    expect(deleteSettlement(s).ok && deleteSettlement(s)).toMatchObject({ override: { kind: 'delete_settlement', settlementId: 'settlement-1' } });
    expect(addPoi({ poiKind: 'ruin', name: ' Old Keep ', location: { x: 1, y: 2 }, hookText: '' })).toEqual({
      ok: true,
      override: { kind: 'add_poi', poiKind: 'ruin', name: 'Old Keep', location: { x: 1, y: 2 } },
      message: 'Added ruin “Old Keep” at 1, 2',
    });
    expect(addPoi({ poiKind: 'ruin', name: 'Keep', location: { x: 1, y: 2 }, hookText: ' Find it. ' })).toMatchObject({ override: { hookText: 'Find it.' } });
    expect(addPoi({ poiKind: 'ruin', name: '', location: { x: 1, y: 2 }, hookText: '' })).toMatchObject({ ok: false, errors: { name: [expect.any(String)] } });
    expect(addPoi({ poiKind: 'ruin', name: 'K', location: { x: 1, y: 2 }, hookText: 'x'.repeat(1001) })).toMatchObject({ ok: false, errors: { hookText: [expect.any(String)] } });
  });
});

describe('batch sort', () => {
  const item = (biomes: Record<string, number>): BatchItem => ({
    index: 0,
    seed: '1',
    hash: 'h',
    landPermille: 300,
    settlements: 1,
    rivers: 2,
    factions: 1,
    biomes,
    thumbnail: '/t.png',
  });
  it('offers every column and every biome present, in biome order', () => {
    const opts = sortOptions([item({ taiga: 10, ocean: 600 }), item({ desert: 5, taiga: 0, alpine: 0 })]);
    const values = opts.map((o) => o.value);
    expect(values.slice(0, 7)).toEqual(['index', 'seed', 'landPermille', 'settlements', 'rivers', 'factions', 'hash']);
    expect(values.slice(7)).toEqual(['biome:ocean', 'biome:taiga', 'biome:desert']);
    expect(opts.find((o) => o.value === 'biome:ocean')?.label).toBe('Biome: Ocean');
  });
  it('parses URL sort parameters defensively', () => {
    expect(parseSort('rivers', 'desc')).toEqual({ sort: 'rivers', order: 'desc' });
    expect(parseSort('biome:taiga', null)).toEqual({ sort: 'biome:taiga', order: 'asc' });
    expect(parseSort('biome:lava', 'up')).toEqual({ sort: 'index', order: 'asc' });
    expect(parseSort(null, null)).toEqual({ sort: 'index', order: 'asc' });
  });
  it('shows the biome share a sort is by', () => {
    expect(sortValue(item({ taiga: 42 }), 'biome:taiga')).toBe(42);
    expect(sortValue(item({}), 'biome:taiga')).toBe(0);
    expect(sortValue(item({}), 'rivers')).toBeNull();
  });
});

describe('stage labels', () => {
  it('names pipeline stages', () => {
    expect(stageLabel('hydrology')).toBe('Rivers and lakes');
    expect(stageLabel('pois')).toBe('Points of interest');
    expect(stageLabel('rules_climate')).toBe('Rules climate');
    expect(stageLabel(null)).toBe('');
  });
});
