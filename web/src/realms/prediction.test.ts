import { describe, expect, it } from 'vitest';
import { Predictor, step, type CostMap } from './prediction';
import { STOP, centreOf, type PlayerInput } from './types';

function map(width: number, height: number, cost = 100): CostMap {
  return { width, height, cost: new Uint8Array(width * height).fill(cost) };
}

function input(sequence: number, moveAngle: number): PlayerInput {
  return { sequence, moveAngle, cast: null };
}

const EAST = 0;
const SOUTH = 1024;
const SOUTH_EAST = 512;

describe('step', () => {
  it('covers speed × 100 / cost sub-tiles a tick on the tile it stands on', () => {
    const m = map(4, 4);
    const start = { x: centreOf(1), y: centreOf(1) };
    expect(step(m, start, EAST, 48)).toEqual({ x: start.x + 48, y: start.y });
    m.cost[1 * 4 + 1] = 200; // wetland-slow
    expect(step(m, start, EAST, 48)).toEqual({ x: start.x + 24, y: start.y });
    m.cost[1 * 4 + 1] = 70; // road: 4800 / 70 = 68 (integer division)
    expect(step(m, start, SOUTH, 48)).toEqual({ x: start.x, y: start.y + 68 });
  });

  it('moves diagonally by the integer sine table, floored as the server shifts', () => {
    const m = map(4, 4);
    const start = { x: centreOf(1), y: centreOf(1) };
    // 48 × 46341 / 65536 = 33.94: floored to 33 going south-east, to −34 going north-west.
    expect(step(m, start, SOUTH_EAST, 48)).toEqual({ x: start.x + 33, y: start.y + 33 });
    expect(step(m, start, 2048 + 512, 48)).toEqual({ x: start.x - 34, y: start.y - 34 });
  });

  it('walks x first, then y from there', () => {
    const m = map(3, 3);
    // From the east side of tile (0, 0) going south-east: x would enter (1, 0), which is fine, but then y would end
    // in (1, 1), which is blocked: x is taken, y is not.
    m.cost[1 * 3 + 1] = 0;
    expect(step(m, { x: 250, y: 250 }, SOUTH_EAST, 48)).toEqual({ x: 283, y: 250 });
    // A character on a blocked tile (teleported there) still moves at full speed.
    expect(step(m, { x: 300, y: 300 }, 2048, 48)).toEqual({ x: 252, y: 300 });
  });

  it('stands still on stop, slides along a blocked tile, stops at the zone edge', () => {
    const m = map(3, 3);
    const p = { x: 255, y: 400 }; // tile (0, 1), at its east side
    expect(step(m, p, STOP, 48)).toBe(p);
    m.cost[1 * 3 + 1] = 0; // tile (1, 1) blocked
    expect(step(m, p, EAST, 48)).toEqual(p);
    // South-east: the x part would enter the blocked tile, the y part alone is fine.
    expect(step(m, p, SOUTH_EAST, 48)).toEqual({ x: 255, y: 433 });
    expect(step(m, { x: 10, y: 10 }, 2048, 48)).toEqual({ x: 10, y: 10 });
  });
});

describe('Predictor', () => {
  it('moves at once on input and agrees with a server that applies the same inputs later', () => {
    const m = map(8, 8);
    const spawn = { x: centreOf(1), y: centreOf(1) };
    const p = new Predictor(m, 48);
    p.reconcile(spawn, 0);
    // The server lags three inputs behind; the angles change every few ticks.
    let server = spawn;
    const sent: PlayerInput[] = [];
    const angles = [EAST, EAST, SOUTH_EAST, SOUTH, SOUTH, STOP, EAST, SOUTH_EAST, EAST, EAST];
    angles.forEach((a, i) => {
      const inp = input(i + 1, a);
      sent.push(inp);
      p.apply(inp);
      const applied = sent[i - 3];
      if (applied) {
        server = step(m, server, applied.moveAngle, 48);
        p.reconcile(server, applied.sequence);
        expect(p.unacknowledged.map((x) => x.sequence)).toEqual(sent.slice(i - 2).map((x) => x.sequence));
      }
      expect(p.shown(16)).toEqual(p.position);
    });
    let expected = spawn;
    for (const a of angles) expected = step(m, expected, a, 48);
    expect(p.position).toEqual(expected);
  });

  it('replays only the inputs after the last one the server applied', () => {
    const p = new Predictor(map(8, 8), 48);
    p.reconcile({ x: 300, y: 300 }, 0);
    p.apply(input(1, EAST));
    p.apply(input(2, EAST));
    p.apply(input(3, SOUTH));
    p.reconcile({ x: 348, y: 300 }, 1);
    expect(p.position).toEqual({ x: 396, y: 348 });
    p.reconcile({ x: 396, y: 348 }, 3);
    expect(p.unacknowledged).toEqual([]);
    expect(p.position).toEqual({ x: 396, y: 348 });
  });

  it('smooths a small correction and takes a large one at once', () => {
    const p = new Predictor(map(64, 64), 48, { halfLifeMs: 50 });
    p.reconcile({ x: 1000, y: 1000 }, 0);
    // The server has the character 40 sub-tiles further west: the truth is taken, the picture eases over.
    p.reconcile({ x: 960, y: 1000 }, 0);
    expect(p.position).toEqual({ x: 960, y: 1000 });
    expect(p.shown(0)).toEqual({ x: 1000, y: 1000 });
    expect(p.shown(50)?.x).toBeCloseTo(980, 10);
    expect(p.shown(50)?.x).toBeCloseTo(970, 10);
    expect(p.shown(1000)).toEqual({ x: 960, y: 1000 });
    // Knocked back (or respawned) five tiles away: no easing.
    p.reconcile({ x: 960 + 5 * 256, y: 1000 }, 0);
    expect(p.shown(0)).toEqual({ x: 960 + 5 * 256, y: 1000 });
  });

  it('does not move a dead character, and starts afresh on a new zone', () => {
    const p = new Predictor(map(8, 8), 48);
    expect(p.shown(0)).toBeNull();
    p.reconcile({ x: 300, y: 300 }, 0);
    p.apply(input(1, EAST), false);
    expect(p.position).toEqual({ x: 300, y: 300 });
    p.reconcile({ x: 300, y: 300 }, 0, true);
    expect(p.position).toEqual({ x: 300, y: 300 });
    p.reset(map(4, 4));
    expect(p.position).toBeNull();
    expect(p.unacknowledged).toEqual([]);
    p.apply(input(2, EAST));
    expect(p.position).toBeNull();
    p.reconcile({ x: 100, y: 100 }, 1);
    expect(p.position).toEqual({ x: 148, y: 100 });
  });
});
