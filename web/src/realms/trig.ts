/**
 * Forge.Core's integer sine table (`Numerics/Trig`), built the same way (a Taylor series in Q2.60, rounded to Q16.16)
 * so prediction moves the own character by exactly the displacement the server computes, with no floating point.
 */
import { ANGLES_PER_TURN } from './types';

/** Q16.16 one. */
export const FIXED_ONE = 65536;
const QUARTER_TURN = ANGLES_PER_TURN / 4;
const ANGLE_MASK = ANGLES_PER_TURN - 1;
const Q = 60n;
// π · 2^60, rounded to nearest, as Trig.cs.
const PI_Q60 = 3622009729038561421n;

function mulQ60(a: bigint, b: bigint): bigint {
  // Arithmetic shift floors, as C#'s Int128 >> does.
  return (a * b) >> Q;
}

function quarterSine(k: number): number {
  const theta = (PI_Q60 * BigInt(k)) / BigInt(ANGLES_PER_TURN / 2);
  const thetaSquared = mulQ60(theta, theta);
  let term = theta;
  let sum = term;
  for (let n = 2n; term !== 0n; n += 2n) {
    // BigInt division truncates toward zero, as C#'s long division does.
    term = -mulQ60(term, thetaSquared) / (n * (n + 1n));
    sum += term;
  }
  return Number((sum + (1n << (Q - 16n - 1n))) >> (Q - 16n));
}

function buildTable(): Int32Array {
  const table = new Int32Array(ANGLES_PER_TURN);
  for (let k = 0; k <= QUARTER_TURN; k++) {
    const value = quarterSine(k);
    table[k] = value;
    table[ANGLES_PER_TURN / 2 - k] = value;
    table[(ANGLES_PER_TURN / 2 + k) & ANGLE_MASK] = -value;
    table[(ANGLES_PER_TURN - k) & ANGLE_MASK] = -value;
  }
  return table;
}

let table: Int32Array | null = null;

function sinTable(): Int32Array {
  return (table ??= buildTable());
}

/** Sine of an angle (any integer, reduced modulo one turn) in Q16.16. */
export function sin(angle: number): number {
  return sinTable()[angle & ANGLE_MASK];
}

/** Cosine of an angle (any integer, reduced modulo one turn) in Q16.16. */
export function cos(angle: number): number {
  return sinTable()[(angle + QUARTER_TURN) & ANGLE_MASK];
}

/** An angle in 0..4095 reduced from any integer. */
export function normalizeAngle(angle: number): number {
  return angle & ANGLE_MASK;
}

/** The signed shortest turn from `from` to `to`, in −2048..2047. */
export function angleDelta(from: number, to: number): number {
  return ((to - from + ANGLES_PER_TURN / 2) & ANGLE_MASK) - ANGLES_PER_TURN / 2;
}

/** The angle (0..4095, 0 = east, y south) of a screen or zone direction; 0 for the zero vector. */
export function angleOf(dx: number, dy: number): number {
  if (dx === 0 && dy === 0) return 0;
  const turns = Math.atan2(dy, dx) / (2 * Math.PI);
  return Math.round(turns * ANGLES_PER_TURN) & ANGLE_MASK;
}
