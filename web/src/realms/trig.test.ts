import { describe, expect, it } from 'vitest';
import { FIXED_ONE, angleDelta, angleOf, cos, sin } from './trig';

describe('trig', () => {
  it('is within one Q16.16 unit of the true sine at every angle, as Trig.cs promises', () => {
    for (let a = 0; a < 4096; a++) {
      const exact = Math.sin((2 * Math.PI * a) / 4096) * FIXED_ONE;
      expect(Math.abs(sin(a) - exact)).toBeLessThanOrEqual(1);
    }
  });

  it('has exact quadrant values and symmetry', () => {
    expect(sin(0)).toBe(0);
    expect(sin(1024)).toBe(FIXED_ONE);
    expect(cos(0)).toBe(FIXED_ONE);
    expect(cos(2048)).toBe(-FIXED_ONE);
    expect(sin(512)).toBe(cos(512));
    expect(sin(-512)).toBe(-sin(512));
    expect(sin(512)).toBe(46341);
  });

  it('takes the shortest way round', () => {
    expect(angleDelta(4000, 100)).toBe(196);
    expect(angleDelta(100, 4000)).toBe(-196);
    expect(angleDelta(0, 2048)).toBe(-2048);
    expect(angleDelta(10, 10)).toBe(0);
  });

  it('measures angles clockwise from east with y south', () => {
    expect(angleOf(1, 0)).toBe(0);
    expect(angleOf(0, 1)).toBe(1024);
    expect(angleOf(-1, 0)).toBe(2048);
    expect(angleOf(0, -1)).toBe(3072);
    expect(angleOf(1, 1)).toBe(512);
  });
});
