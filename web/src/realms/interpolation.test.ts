import { describe, expect, it } from 'vitest';
import { entity, snapshot } from './fixtures';
import { InterpolationBuffer, TickClock, lerpAngle } from './interpolation';

function at(buffer: InterpolationBuffer, tick: number, id: number, exclude?: number) {
  return buffer.sample(tick, exclude).find((e) => e.id === id);
}

describe('InterpolationBuffer', () => {
  it('draws entities 2 ticks in the past, lerping position between the snapshots around that moment', () => {
    const b = new InterpolationBuffer();
    b.push(snapshot(10, [entity(5, 0, 0)]));
    b.push(snapshot(11, [entity(5, 100, 40)]));
    b.push(snapshot(12, [entity(5, 200, 80)]));
    expect(at(b, 12, 5)).toMatchObject({ x: 0, y: 0 });
    expect(at(b, 12.5, 5)).toMatchObject({ x: 50, y: 20 });
    expect(at(b, 13.25, 5)).toMatchObject({ x: 125, y: 50 });
    expect(at(b, 14, 5)).toMatchObject({ x: 200, y: 80 });
  });

  it('lerps across a lost snapshot', () => {
    const b = new InterpolationBuffer();
    b.push(snapshot(10, [entity(5, 0, 0)]));
    b.push(snapshot(14, [entity(5, 400, 0)]));
    expect(at(b, 13, 5)?.x).toBe(100);
  });

  it('turns the facing the shortest way round', () => {
    const b = new InterpolationBuffer();
    b.push(snapshot(10, [entity(5, 0, 0, { facing: 4000 })]));
    b.push(snapshot(11, [entity(5, 0, 0, { facing: 100 })]));
    // 4000 → 100 is 196 units clockwise through 0: half-way is 2, not 2050.
    expect(at(b, 12.5, 5)?.facing).toBe(2);
    expect(lerpAngle(100, 4000, 0.5)).toBe(2);
    expect(lerpAngle(4000, 100, 0.75)).toBe(51);
    expect(lerpAngle(100, 4000, 0.75)).toBe(4049);
  });

  it('shows an entity from the snapshot it entered in and hides it from the one it left in', () => {
    const b = new InterpolationBuffer();
    b.push(snapshot(10, [entity(5, 0, 0)]));
    b.push(snapshot(11, [entity(5, 0, 0), entity(6, 50, 50)]));
    b.push(snapshot(12, [entity(6, 50, 50)]));
    expect(at(b, 12.5, 6)).toBeUndefined();
    expect(at(b, 12.5, 5)).toBeDefined();
    expect(at(b, 13, 6)).toMatchObject({ x: 50, y: 50 });
    expect(at(b, 13.5, 5)).toMatchObject({ x: 0, y: 0 });
    expect(at(b, 14, 5)).toBeUndefined();
  });

  it('extrapolates when packets are late, but no further than the cap', () => {
    const b = new InterpolationBuffer({ maxExtrapolationTicks: 3 });
    b.push(snapshot(10, [entity(5, 0, 0)]));
    b.push(snapshot(11, [entity(5, 10, 0)]));
    // Drawn at tick 12, one past the newest: carried on one tick; at 14, three; beyond, held there.
    expect(at(b, 14, 5)?.x).toBe(20);
    expect(at(b, 16, 5)?.x).toBe(40);
    expect(at(b, 40, 5)?.x).toBe(40);
  });

  it('snaps instead of sliding across a jump (respawn, teleport)', () => {
    const b = new InterpolationBuffer();
    b.push(snapshot(10, [entity(5, 0, 0)]));
    b.push(snapshot(11, [entity(5, 256 * 40, 0)]));
    expect(at(b, 12.5, 5)?.x).toBe(0);
    expect(at(b, 13, 5)?.x).toBe(256 * 40);
  });

  it('ignores reordered and duplicated snapshots, leaves out the own character and clears on transfer', () => {
    const b = new InterpolationBuffer();
    expect(b.push(snapshot(10, [entity(1, 0, 0), entity(5, 0, 0)]))).toBe(true);
    expect(b.push(snapshot(12, [entity(5, 20, 0)]))).toBe(true);
    expect(b.push(snapshot(11, [entity(5, 999, 0)]))).toBe(false);
    expect(b.push(snapshot(12, [entity(5, 999, 0)]))).toBe(false);
    expect(at(b, 13, 5)?.x).toBe(10);
    expect(at(b, 12, 1, 1)).toBeUndefined();
    b.clear();
    expect(b.sample(20)).toEqual([]);
    expect(b.newestTick).toBeNull();
  });

  it('holds the oldest snapshot when asked for a moment before it', () => {
    const b = new InterpolationBuffer();
    b.push(snapshot(10, [entity(5, 7, 8)]));
    expect(at(b, 3, 5)).toMatchObject({ x: 7, y: 8 });
  });

  it('keeps only the newest snapshots', () => {
    const b = new InterpolationBuffer({ capacity: 2 });
    for (let t = 1; t <= 5; t++) b.push(snapshot(t, [entity(5, t, 0)]));
    expect(at(b, 0, 5)?.x).toBe(4);
  });
});

describe('TickClock', () => {
  it('follows the server tick, smooths jitter and snaps after a stall', () => {
    const c = new TickClock(50, 5, 0.5);
    expect(c.tickAt(0)).toBeNull();
    c.observe(100, 1000);
    expect(c.tickAt(1000)).toBe(100);
    expect(c.tickAt(1050)).toBe(101);
    // Arrives 20 ms late (the estimate said 101.4 by then, the packet says 101): it moves half-way.
    c.observe(101, 1070);
    expect(c.tickAt(1070)).toBeCloseTo(101.2, 10);
    // Ten ticks behind: snapped.
    c.observe(200, 1100);
    expect(c.tickAt(1100)).toBe(200);
    c.reset();
    expect(c.tickAt(1100)).toBeNull();
  });
});
