/**
 * Other entities drawn a little in the past: snapshots are buffered and the renderer shows the world as it was
 * `delayTicks` ago (100 ms at 20 Hz), lerping each entity between the two snapshots around that moment, so motion is
 * smooth although snapshots arrive 20 times a second with jitter. When the next snapshot is late, motion is
 * extrapolated from the last two, for a few ticks at most, then held.
 */
import { angleDelta, normalizeAngle } from './trig';
import { ANGLES_PER_TURN, MS_PER_TICK, SUB_TILES_PER_TILE, type EntityState, type Snapshot } from './types';

/** An entity where the renderer draws it: a (fractional) position and facing, with the state it shows. */
export interface ShownEntity {
  id: number;
  /** Sub-tiles, fractional. */
  x: number;
  y: number;
  /** 0..4096, fractional. */
  facing: number;
  /** The latest state at or before the moment drawn (HP, activity, telegraph...). */
  state: EntityState;
}

export interface InterpolationOptions {
  /** How far in the past to draw, in ticks (2 = 100 ms at 20 Hz). */
  delayTicks?: number;
  /** The most ticks past the newest snapshot that motion is carried on for. */
  maxExtrapolationTicks?: number;
  /** Snapshots kept, newest last. */
  capacity?: number;
  /** A move longer than this between two snapshots (sub-tiles per tick) is a jump (respawn, teleport): not lerped. */
  jumpPerTick?: number;
}

interface Frame {
  tick: number;
  byId: Map<number, EntityState>;
}

/**
 * Maps the local clock to the server's tick timeline: each snapshot says "tick T is now"; the estimate follows
 * those slowly (so jitter does not shake the picture) and snaps when it is far off (after a stall or a transfer).
 */
export class TickClock {
  private offset: number | null = null;

  constructor(
    private readonly msPerTick = MS_PER_TICK,
    private readonly snapTicks = 5,
    private readonly smoothing = 0.1,
  ) {}

  /** A snapshot of `tick` arrived at local time `nowMs`. */
  observe(tick: number, nowMs: number): void {
    const sample = tick - nowMs / this.msPerTick;
    if (this.offset === null || Math.abs(sample - this.offset) > this.snapTicks) this.offset = sample;
    else this.offset += (sample - this.offset) * this.smoothing;
  }

  /** The server tick estimated to be current at `nowMs` (fractional), or null before any snapshot. */
  tickAt(nowMs: number): number | null {
    return this.offset === null ? null : nowMs / this.msPerTick + this.offset;
  }

  reset(): void {
    this.offset = null;
  }
}

/** The snapshot buffer behind the drawing of other entities. */
export class InterpolationBuffer {
  readonly delayTicks: number;
  private readonly maxExtrapolationTicks: number;
  private readonly capacity: number;
  private readonly jumpPerTick: number;
  private frames: Frame[] = [];

  constructor(options: InterpolationOptions = {}) {
    this.delayTicks = options.delayTicks ?? 2;
    this.maxExtrapolationTicks = options.maxExtrapolationTicks ?? 3;
    this.capacity = options.capacity ?? 32;
    this.jumpPerTick = options.jumpPerTick ?? 2 * SUB_TILES_PER_TILE;
  }

  /** Adds a snapshot; one older than or equal to one already held (a reordered or duplicated packet) is ignored. */
  push(snapshot: Pick<Snapshot, 'tick' | 'entities'>): boolean {
    const newest = this.frames[this.frames.length - 1];
    if (newest && snapshot.tick <= newest.tick) return false;
    const byId = new Map<number, EntityState>();
    for (const e of snapshot.entities) byId.set(e.id, e);
    this.frames.push({ tick: snapshot.tick, byId });
    if (this.frames.length > this.capacity) this.frames.splice(0, this.frames.length - this.capacity);
    return true;
  }

  /** Forgets everything (a zone transfer: the new zone's ids and positions have nothing to do with the old). */
  clear(): void {
    this.frames = [];
  }

  get newestTick(): number | null {
    return this.frames.length ? this.frames[this.frames.length - 1].tick : null;
  }

  /** The latest state held for an entity, if it is in the newest snapshot. */
  latest(id: number): EntityState | undefined {
    return this.frames[this.frames.length - 1]?.byId.get(id);
  }

  /**
   * The entities as they stood at `serverTick − delayTicks` (fractional), leaving out `exclude` (the own character,
   * which prediction draws). The set shown is that of the snapshot at or before that moment: an entity appears when
   * the moment reaches the snapshot it entered in, and disappears when it reaches the one it left in.
   */
  sample(serverTick: number, exclude?: number): ShownEntity[] {
    const frames = this.frames;
    if (frames.length === 0) return [];
    const t = serverTick - this.delayTicks;
    // The last frame at or before t (frames are few; a backward scan finds it in a step or two).
    let ai = frames.length - 1;
    while (ai > 0 && frames[ai].tick > t) ai--;
    const a = frames[ai];
    if (a.tick > t) return this.hold(a, exclude);
    const b = frames[ai + 1];
    const out: ShownEntity[] = [];
    if (b) {
      const f = (t - a.tick) / (b.tick - a.tick);
      for (const [id, ea] of a.byId) {
        if (id === exclude) continue;
        const eb = b.byId.get(id);
        if (!eb || this.jumped(ea, eb, b.tick - a.tick)) out.push(shown(ea, ea.x, ea.y, ea.facing));
        else out.push(lerpEntity(ea, eb, f));
      }
      return out;
    }
    // Late: carry motion on from the previous frame to this one, for a few ticks at most.
    const prev = frames[ai - 1];
    const ahead = Math.min(t - a.tick, this.maxExtrapolationTicks);
    for (const [id, ea] of a.byId) {
      if (id === exclude) continue;
      const ep = prev?.byId.get(id);
      if (!ep || ahead <= 0 || this.jumped(ep, ea, a.tick - prev.tick)) {
        out.push(shown(ea, ea.x, ea.y, ea.facing));
        continue;
      }
      const span = a.tick - prev.tick;
      const vx = (ea.x - ep.x) / span;
      const vy = (ea.y - ep.y) / span;
      out.push(shown(ea, ea.x + vx * ahead, ea.y + vy * ahead, ea.facing));
    }
    return out;
  }

  private hold(frame: Frame, exclude?: number): ShownEntity[] {
    const out: ShownEntity[] = [];
    for (const [id, e] of frame.byId) if (id !== exclude) out.push(shown(e, e.x, e.y, e.facing));
    return out;
  }

  private jumped(from: EntityState, to: EntityState, ticks: number): boolean {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const limit = this.jumpPerTick * ticks;
    return dx * dx + dy * dy > limit * limit;
  }
}

function shown(state: EntityState, x: number, y: number, facing: number): ShownEntity {
  return { id: state.id, x, y, facing, state };
}

/** Facing lerped the shortest way round, in 0..4096. */
export function lerpAngle(from: number, to: number, f: number): number {
  const a = normalizeAngle(from) + angleDelta(from, to) * f;
  return ((a % ANGLES_PER_TURN) + ANGLES_PER_TURN) % ANGLES_PER_TURN;
}

function lerpEntity(a: EntityState, b: EntityState, f: number): ShownEntity {
  const x = a.x + (b.x - a.x) * f;
  const y = a.y + (b.y - a.y) * f;
  // Discrete state (HP, activity) switches at the later snapshot's tick, never half-way.
  return shown(f >= 1 ? b : a, x, y, lerpAngle(a.facing, b.facing, f));
}
