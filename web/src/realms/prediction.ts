/**
 * Client-side prediction of the own character: every input is applied locally the moment it is sent, with the
 * server's movement rule, so the character answers the keys at once instead of a round trip later. Each snapshot
 * says where the server has the character after the last input it applied (`own.lastSequence`); the prediction
 * restarts there and replays the inputs sent since. A small disagreement is absorbed by an offset that fades out (no
 * visible jump); a large one (knockback, teleport, respawn) is taken at once.
 */
import { costAt } from './terrain';
import { cos, sin } from './trig';
import { BLOCKED, NORMAL_COST, STOP, SUB_TILES_PER_TILE, tileOf, type PlayerInput, type Vec } from './types';

/** The movement costs of a zone (a decoded map has them). */
export interface CostMap {
  width: number;
  height: number;
  cost: Uint8Array;
}

/** `(long)Trig.Cos(angle) * length >> 16`: the arithmetic shift floors, also for negative products. */
function scaleQ16(q16: number, length: number): number {
  // |length| stays far below 2^20 and |q16| ≤ 2^16, so the product is exact in a double.
  return Math.floor((q16 * length) / 65536);
}

/**
 * One tick of walking, the server's rule (ZoneSimulation's `SpeedOn`, `Angles.Step` and `Walk`): on a tile of cost c
 * the character covers `speed × 100 / c` sub-tiles (integer division; full speed on a blocked tile, where only a
 * teleport can put it), split along the move angle by Forge's integer sine table, floored; then x first and y from
 * there, each axis only if its end tile is walkable and inside the zone, so it slides along a blocked edge.
 */
export function step(map: CostMap, position: Vec, moveAngle: number, speed: number): Vec {
  if (moveAngle === STOP) return position;
  const c = costAt(map, tileOf(position.x), tileOf(position.y));
  const length = c === BLOCKED ? speed : Math.trunc((speed * NORMAL_COST) / c);
  const dx = scaleQ16(cos(moveAngle), length);
  const dy = scaleQ16(sin(moveAngle), length);
  const walkable = (x: number, y: number) => x >= 0 && y >= 0 && costAt(map, tileOf(x), tileOf(y)) !== BLOCKED;
  let { x, y } = position;
  if (dx !== 0 && walkable(x + dx, y)) x += dx;
  if (dy !== 0 && walkable(x, y + dy)) y += dy;
  return x === position.x && y === position.y ? position : { x, y };
}

export interface PredictionOptions {
  /** A correction longer than this (sub-tiles) is taken at once rather than smoothed. */
  snapDistance?: number;
  /** How fast a smoothed correction fades: the offset halves every this many milliseconds. */
  halfLifeMs?: number;
  /** Inputs kept unacknowledged at most (a stalled server must not grow the list without end). */
  maxPending?: number;
}

/** The own character's predicted position. */
export class Predictor {
  private pending: PlayerInput[] = [];
  private predicted: Vec | null = null;
  private offset = { x: 0, y: 0 };
  private readonly snapDistance: number;
  private readonly halfLifeMs: number;
  private readonly maxPending: number;

  constructor(
    private map: CostMap,
    /** Sub-tiles per tick on a tile of normal cost: the class speed from the rules. */
    public speed: number,
    options: PredictionOptions = {},
  ) {
    this.snapDistance = options.snapDistance ?? 2 * SUB_TILES_PER_TILE;
    this.halfLifeMs = options.halfLifeMs ?? 60;
    this.maxPending = options.maxPending ?? 200;
  }

  /** Where the prediction has the character (integer sub-tiles), or null before the first snapshot. */
  get position(): Vec | null {
    return this.predicted;
  }

  /** Inputs sent and not yet applied by the server, oldest first. */
  get unacknowledged(): readonly PlayerInput[] {
    return this.pending;
  }

  /** The input sent this tick: remembered for replay and applied at once. Dead characters do not move. */
  apply(input: PlayerInput, alive = true): void {
    this.pending.push(alive ? input : { ...input, moveAngle: STOP });
    if (this.pending.length > this.maxPending) this.pending.splice(0, this.pending.length - this.maxPending);
    if (this.predicted && alive) this.predicted = step(this.map, this.predicted, input.moveAngle, this.speed);
  }

  /**
   * A snapshot placed the character at `server` after applying input `lastSequence`: restart from there, replay the
   * later inputs, and smooth the difference from what was shown if it is small.
   */
  reconcile(server: Vec, lastSequence: number, alive = true): void {
    this.pending = this.pending.filter((i) => i.sequence > lastSequence);
    let p: Vec = { x: server.x, y: server.y };
    if (alive) for (const input of this.pending) p = step(this.map, p, input.moveAngle, this.speed);
    const before = this.predicted;
    this.predicted = p;
    if (!before) return;
    const ex = before.x + this.offset.x - p.x;
    const ey = before.y + this.offset.y - p.y;
    if (ex * ex + ey * ey > this.snapDistance * this.snapDistance) this.offset = { x: 0, y: 0 };
    else this.offset = { x: ex, y: ey };
  }

  /** Where to draw the character (fractional sub-tiles), letting the correction offset fade by `elapsedMs`. */
  shown(elapsedMs: number): Vec | null {
    if (!this.predicted) return null;
    const keep = Math.pow(0.5, Math.max(0, elapsedMs) / this.halfLifeMs);
    this.offset = { x: this.offset.x * keep, y: this.offset.y * keep };
    if (Math.abs(this.offset.x) < 0.5 && Math.abs(this.offset.y) < 0.5) this.offset = { x: 0, y: 0 };
    return { x: this.predicted.x + this.offset.x, y: this.predicted.y + this.offset.y };
  }

  /** The zone's costs arrived (the map loads while snapshots already flow): walk on them from now on. */
  useMap(map: CostMap): void {
    this.map = map;
  }

  /** A new zone (transfer) or a fresh join: forget the inputs and start from the server's word. */
  reset(map: CostMap): void {
    this.map = map;
    this.pending = [];
    this.predicted = null;
    this.offset = { x: 0, y: 0 };
  }
}
