import { describe, expect, it } from 'vitest';
import { entity, own } from './fixtures';
import type { ShownEntity } from './interpolation';
import { CountdownSpans, FloatingNumbers, cooldownOf, floatPose, followCamera, fraction, pick, secondsLeft, skillBarLayout, slotAt, telegraphArc, toScreen, toZone } from './render';
import { EntityActivity, EntityKind, NO_TELEGRAPH, TelegraphShape, ZoneEventKind, type EntityState } from './types';

function shownAt(e: EntityState): ShownEntity {
  return { id: e.id, x: e.x, y: e.y, facing: e.facing, state: e };
}

describe('followCamera', () => {
  const view = { width: 800, height: 600 };
  it('centres the focus in the middle of the zone', () => {
    const cam = followCamera(view, { width: 128, height: 128 }, { x: 64 * 256, y: 64 * 256 }, 32);
    expect(cam.scale).toBe(32 / 256);
    expect(toScreen(cam, { x: 64 * 256, y: 64 * 256 })).toEqual({ x: 400, y: 300 });
  });

  it('stops at the zone edges and centres a zone smaller than the view', () => {
    const corner = followCamera(view, { width: 128, height: 128 }, { x: 0, y: 0 }, 32);
    expect(toScreen(corner, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
    const far = followCamera(view, { width: 128, height: 128 }, { x: 128 * 256, y: 128 * 256 }, 32);
    expect(toScreen(far, { x: 128 * 256, y: 128 * 256 })).toEqual({ x: 800, y: 600 });
    const small = followCamera(view, { width: 10, height: 100 }, { x: 0, y: 50 * 256 }, 32);
    expect(small.offsetX).toBe(240);
  });

  it('just follows while the zone map has not loaded', () => {
    const cam = followCamera(view, { width: 0, height: 0 }, { x: 2560, y: 256 }, 32);
    expect(toScreen(cam, { x: 2560, y: 256 })).toEqual({ x: 400, y: 300 });
  });

  it('maps screen points back to the zone', () => {
    const cam = followCamera(view, { width: 128, height: 128 }, { x: 5000, y: 7000 }, 24);
    const p = { x: 1234, y: 4321 };
    const back = toZone(cam, toScreen(cam, p));
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
  });
});

describe('pick', () => {
  it('takes the nearest living player or enemy under the point, never a projectile or the dead', () => {
    const list = [
      shownAt(entity(2, 1000, 1000)),
      shownAt(entity(3, 1100, 1000, { kind: EntityKind.Player })),
      shownAt(entity(4, 1050, 1000, { kind: EntityKind.Projectile })),
      shownAt(entity(5, 2000, 2000, { activity: EntityActivity.Dead })),
    ];
    expect(pick(list, { x: 1010, y: 1000 })).toBe(2);
    expect(pick(list, { x: 1090, y: 1000 })).toBe(3);
    expect(pick(list, { x: 1090, y: 1000 }, 64, 3)).toBe(2);
    expect(pick(list, { x: 2000, y: 2000 })).toBe(0);
    expect(pick(list, { x: 5000, y: 5000 })).toBe(0);
  });
});

describe('bars and countdowns', () => {
  it('clamps bar shares', () => {
    expect(fraction(50, 200)).toBe(0.25);
    expect(fraction(-5, 10)).toBe(0);
    expect(fraction(12, 10)).toBe(1);
    expect(fraction(3, 0)).toBe(0);
  });

  it('sweeps a cooldown from full to empty over the longest value seen, or the known total', () => {
    const spans = new CountdownSpans();
    expect(spans.observe('cd:1', 40)).toBe(1);
    expect(spans.observe('cd:1', 10)).toBe(0.25);
    expect(spans.observe('cd:1', 0)).toBe(0);
    expect(spans.observe('cd:1', 20)).toBe(1);
    expect(spans.observe('cd:2', 20, 80)).toBe(0.25);
    spans.retain(new Set(['cd:2']));
    expect(spans.observe('cd:1', 5)).toBe(1);
  });

  it('reads cooldowns by slot and rounds countdowns up to whole seconds', () => {
    const o = own({ cooldown1: 1, cooldown2: 2, cooldown3: 3 });
    expect([1, 2, 3, 4].map((s) => cooldownOf(o, s))).toEqual([1, 2, 3, 0]);
    expect(secondsLeft(0)).toBe(0);
    expect(secondsLeft(1)).toBe(1);
    expect(secondsLeft(20)).toBe(1);
    expect(secondsLeft(21)).toBe(2);
    expect(secondsLeft(100)).toBe(5);
  });
});

describe('FloatingNumbers', () => {
  it('shows damage and heals on their target, rising and fading, then drops them', () => {
    const n = new FloatingNumbers(1000);
    const ev = (kind: ZoneEventKind, amount: number, target = 9) => ({ kind, source: 1, target, amount, x: 10, y: 20, skill: 0 });
    n.add([ev(ZoneEventKind.Damage, 12), ev(ZoneEventKind.Heal, 30, 4), ev(ZoneEventKind.Cast, 0), ev(ZoneEventKind.Damage, 0)], 5000, (id) =>
      id === 9 ? { x: 700, y: 800 } : undefined,
    );
    const live = n.live(5400);
    expect(live.map((x) => x.text)).toEqual(['-12', '+30']);
    expect(live[0].at).toEqual({ x: 700, y: 800 });
    expect(live[1].at).toEqual({ x: 10, y: 20 });
    expect(live[0].age).toBe(400);
    expect(n.live(6000)).toEqual([]);
  });

  it('rises fast then slowly and fades in its last part', () => {
    expect(floatPose(0, 1000)).toEqual({ rise: 0, alpha: 1 });
    expect(floatPose(500, 1000).rise).toBeGreaterThan(18);
    expect(floatPose(1000, 1000)).toEqual({ rise: 36, alpha: 0 });
    expect(floatPose(800, 1000).alpha).toBeCloseTo(0.5, 10);
  });
});

describe('skill bar', () => {
  it('lays slots out centred at the bottom and finds the one clicked', () => {
    const layout = skillBarLayout({ width: 400, height: 300 }, 3, 50, 10, 20);
    expect(layout.map((r) => r.x)).toEqual([115, 175, 235]);
    expect(layout[0].y).toBe(230);
    expect(slotAt(layout, { x: 116, y: 240 })).toBe(1);
    expect(slotAt(layout, { x: 284, y: 279 })).toBe(3);
    expect(slotAt(layout, { x: 170, y: 240 })).toBe(0);
    expect(slotAt(layout, { x: 200, y: 100 })).toBe(0);
  });
});

describe('telegraphArc', () => {
  it('opens a cone around its angle, a full turn for a circle', () => {
    const cone = telegraphArc({ ...NO_TELEGRAPH, shape: TelegraphShape.Cone, angle: 1024, width: 1024 });
    expect(cone.start).toBeCloseTo(Math.PI / 4, 10);
    expect(cone.end).toBeCloseTo((3 * Math.PI) / 4, 10);
    expect(telegraphArc({ ...NO_TELEGRAPH, shape: TelegraphShape.Circle, radius: 3 })).toEqual({ start: 0, end: 2 * Math.PI });
  });
});
