/**
 * The player's intent, turned into one `PlayerInput` per tick: movement keys (WASD or arrows) give one of eight
 * directions, 1/2/3 (or a click on the skill bar) cast, a click on the map picks a target (an entity under the cursor)
 * or a point, Tab targets the nearest enemy, and `~` opens the dev console (while it is open, keys type there instead of walking). The controller
 * is plain state with no DOM; `bindKeyboard` is the thin glue to the window's events.
 */
import { angleOf } from './trig';
import { MS_PER_TICK, STOP, type PlayerInput, type SkillCast, type Vec } from './types';

type Direction = 'up' | 'down' | 'left' | 'right';

const MOVE_KEYS: Record<string, Direction> = {
  KeyW: 'up',
  ArrowUp: 'up',
  KeyS: 'down',
  ArrowDown: 'down',
  KeyA: 'left',
  ArrowLeft: 'left',
  KeyD: 'right',
  ArrowRight: 'right',
};

const SKILL_KEYS: Record<string, number> = { Digit1: 1, Digit2: 2, Digit3: 3, Numpad1: 1, Numpad2: 2, Numpad3: 3 };

/** The key that opens and closes the dev console (`~` / backquote). */
export const CONSOLE_KEY = 'Backquote';

/** The move angle for the held directions: one of eight (0 = east, 1024 = south...), or stop. */
export function moveAngleOf(held: ReadonlySet<Direction>): number {
  const dx = (held.has('right') ? 1 : 0) - (held.has('left') ? 1 : 0);
  const dy = (held.has('down') ? 1 : 0) - (held.has('up') ? 1 : 0);
  return dx === 0 && dy === 0 ? STOP : angleOf(dx, dy);
}

/** What a key press did, for the page to react to (focus the console, flash a skill slot). */
export type KeyEffect = { type: 'console'; open: boolean } | { type: 'skill'; slot: number } | { type: 'move' } | { type: 'target' } | null;

/** The key that targets the nearest enemy (again: the next nearest). */
export const TARGET_KEY = 'Tab';

/** Where the pointer is over the map: the zone point, and the entity under it if any. */
export interface Aim {
  point: Vec;
  entity: number;
}

export class InputController {
  private held = new Set<Direction>();
  private queuedSlot = 0;
  private sequence: number;
  /** The entity picked by a click (0 = none): Magic Missile and Heal aim there. */
  target = 0;
  /** The pointer over the map, updated as it moves. */
  hover: Aim | null = null;
  /** The point of the last click on open ground. */
  point: Vec | null = null;
  consoleOpen = false;

  constructor(
    /** The last sequence already used (a resumed connection continues above it). */
    lastSequence = 0,
    private readonly slots = 3,
  ) {
    this.sequence = lastSequence;
  }

  keyDown(code: string): KeyEffect {
    if (code === CONSOLE_KEY) {
      this.consoleOpen = !this.consoleOpen;
      // Keys held while the console opens would otherwise walk on forever (their key-up goes to the text field).
      if (this.consoleOpen) this.held.clear();
      return { type: 'console', open: this.consoleOpen };
    }
    if (this.consoleOpen) return null;
    if (code === TARGET_KEY) return { type: 'target' };
    const dir = MOVE_KEYS[code];
    if (dir) {
      this.held.add(dir);
      return { type: 'move' };
    }
    const slot = SKILL_KEYS[code];
    if (slot !== undefined && slot <= this.slots) {
      this.cast(slot);
      return { type: 'skill', slot };
    }
    return null;
  }

  keyUp(code: string): void {
    const dir = MOVE_KEYS[code];
    if (dir) this.held.delete(dir);
  }

  /** The window lost focus: key-ups will not come, so nothing stays held. */
  releaseAll(): void {
    this.held.clear();
  }

  /** A skill bar click or key: cast with the next input. */
  cast(slot: number): void {
    if (slot >= 1 && slot <= this.slots) this.queuedSlot = slot;
  }

  /** A click on the map: picks the entity under the cursor, or the point on open ground (and drops the target). */
  click(aim: Aim): void {
    if (aim.entity !== 0) this.target = aim.entity;
    else {
      this.target = 0;
      this.point = aim.point;
    }
  }

  /** The target is gone (died, left view). */
  forget(entity: number): void {
    if (this.target === entity) this.target = 0;
    if (this.hover?.entity === entity) this.hover = { ...this.hover, entity: 0 };
  }

  get moveAngle(): number {
    return this.consoleOpen ? STOP : moveAngleOf(this.held);
  }

  /** This tick's input, with the next sequence number; a queued cast goes with it and is used up. */
  next(): PlayerInput {
    this.sequence += 1;
    let cast: SkillCast | null = null;
    if (this.queuedSlot !== 0) {
      const target = this.target || this.hover?.entity || 0;
      const point = this.hover?.point ?? this.point ?? { x: 0, y: 0 };
      cast = { slot: this.queuedSlot, target, point: { x: Math.round(point.x), y: Math.round(point.y) } };
      this.queuedSlot = 0;
    }
    return { sequence: this.sequence, moveAngle: this.moveAngle, cast };
  }

  get lastSequence(): number {
    return this.sequence;
  }

  /**
   * Continues numbering above `applied` (the server's last applied sequence, after a resumed connection): a sequence
   * at or below it would be dropped as a replay, and counted against the player.
   */
  continueAfter(applied: number): void {
    if (applied > this.sequence) this.sequence = applied;
  }
}

/**
 * Paces inputs at the tick rate from whatever calls it (animation frames, a timer): how many inputs are due now. A
 * stall (background tab) is not made up with a burst: at most `maxBurst` are due at once and the rest are dropped.
 */
export class TickPacer {
  private next: number | null = null;

  constructor(
    private readonly msPerTick = MS_PER_TICK,
    private readonly maxBurst = 2,
  ) {}

  due(nowMs: number): number {
    if (this.next === null) {
      this.next = nowMs + this.msPerTick;
      return 1;
    }
    if (nowMs < this.next) return 0;
    const count = Math.floor((nowMs - this.next) / this.msPerTick) + 1;
    this.next += count * this.msPerTick;
    return Math.min(count, this.maxBurst);
  }
}

/** Whether a key event comes from a text field (other than the console key, keys typed there are not commands). */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/** Feeds a window's key events to the controller; returns the unbinding function. */
export function bindKeyboard(target: Window, controller: InputController, onEffect: (effect: KeyEffect) => void): () => void {
  const down = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.code !== CONSOLE_KEY && typing(e)) return;
    if (e.repeat && e.code !== CONSOLE_KEY && !(e.code in MOVE_KEYS)) return;
    const effect = controller.keyDown(e.code);
    if (effect) {
      e.preventDefault();
      onEffect(effect);
    }
  };
  const up = (e: KeyboardEvent) => controller.keyUp(e.code);
  const blur = () => controller.releaseAll();
  target.addEventListener('keydown', down);
  target.addEventListener('keyup', up);
  target.addEventListener('blur', blur);
  return () => {
    target.removeEventListener('keydown', down);
    target.removeEventListener('keyup', up);
    target.removeEventListener('blur', blur);
  };
}
