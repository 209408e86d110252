/**
 * One frame of the Realms view on a 2D canvas: the zone's terrain under a camera that follows the own character,
 * telegraphs, entities with their bars, floating damage numbers, the skill bar with cooldown sweeps, and the death
 * overlay. The logic (camera, hit-testing, sweeps, number animation, layout) is plain functions tested on their own;
 * the canvas calls at the end are kept thin.
 */
import type { ShownEntity } from './interpolation';
import type { ZoneSpawn } from './terrain';
import { centreOf, ANGLES_PER_TURN, EntityActivity, EntityFlags, EntityKind, SUB_TILES_PER_TILE, TICKS_PER_SECOND, TelegraphShape, ZoneEventKind, type OwnState, type SkillRules, type Telegraph, type Vec, type ZoneEvent } from './types';

// ---- camera ----------------------------------------------------------------

export interface Size {
  width: number;
  height: number;
}

/** Screen pixels per sub-tile and where the zone's origin lands on screen. */
export interface Camera {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/**
 * A camera centred on `focus` (sub-tiles) at `tilePx` pixels per tile, kept inside the zone so no void shows past its
 * edges (a zone smaller than the screen is centred instead; while the zone's size is unknown, 0, it just follows).
 */
export function followCamera(view: Size, zoneTiles: Size, focus: Vec, tilePx: number): Camera {
  const scale = tilePx / SUB_TILES_PER_TILE;
  const axis = (screen: number, zone: number, at: number) => {
    if (zone <= 0) return screen / 2 - at * scale;
    const span = zone * tilePx;
    if (span <= screen) return (screen - span) / 2;
    const offset = screen / 2 - at * scale;
    return Math.min(0, Math.max(screen - span, offset));
  };
  return { scale, offsetX: axis(view.width, zoneTiles.width, focus.x), offsetY: axis(view.height, zoneTiles.height, focus.y) };
}

export function toScreen(cam: Camera, p: Vec): Vec {
  return { x: cam.offsetX + p.x * cam.scale, y: cam.offsetY + p.y * cam.scale };
}

export function toZone(cam: Camera, px: Vec): Vec {
  return { x: (px.x - cam.offsetX) / cam.scale, y: (px.y - cam.offsetY) / cam.scale };
}

// ---- picking ---------------------------------------------------------------

/** Drawn radius of an entity, in sub-tiles. */
export function bodyRadius(kind: EntityKind): number {
  return kind === EntityKind.Projectile ? 48 : kind === EntityKind.Enemy ? 110 : 96;
}

/**
 * The entity a click at `point` (zone sub-tiles) means: the nearest living player or enemy whose body, widened by
 * `slack` sub-tiles for fingers and fast targets, covers the point; enemies before players at equal distance. 0 if none.
 */
export function pick(entities: readonly ShownEntity[], point: Vec, slack = 64, exclude = 0): number {
  let best = 0;
  let bestScore = Infinity;
  for (const e of entities) {
    if (e.id === exclude || e.state.kind === EntityKind.Projectile || e.state.activity === EntityActivity.Dead) continue;
    const r = bodyRadius(e.state.kind) + slack;
    const d2 = (e.x - point.x) ** 2 + (e.y - point.y) ** 2;
    if (d2 > r * r) continue;
    const score = d2 - (e.state.kind === EntityKind.Enemy ? 0.5 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = e.id;
    }
  }
  return best;
}

// ---- bars, sweeps, countdowns -------------------------------------------------

/** A bar's filled share, 0..1 (a max of 0 is an empty bar). */
export function fraction(value: number, max: number): number {
  return max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
}

/**
 * The full length of countdowns the server only reports as "ticks left" (cooldowns, telegraph wind-ups): the largest
 * value seen since the countdown started, so a sweep starts full and empties; once it reaches 0 it is forgotten.
 */
export class CountdownSpans {
  private spans = new Map<string, number>();

  /** Records a countdown's ticks left; returns its remaining share (1 = just started, 0 = done). */
  observe(key: string, ticksLeft: number, knownTotal = 0): number {
    if (ticksLeft <= 0) {
      this.spans.delete(key);
      return 0;
    }
    const span = Math.max(knownTotal, this.spans.get(key) ?? 0, ticksLeft);
    this.spans.set(key, span);
    return ticksLeft / span;
  }

  /** Forgets countdowns whose key is not in `live` (entities that left). */
  retain(live: ReadonlySet<string>): void {
    for (const k of [...this.spans.keys()]) if (!live.has(k)) this.spans.delete(k);
  }
}

export function cooldownOf(own: OwnState, slot: number): number {
  return slot === 1 ? own.cooldown1 : slot === 2 ? own.cooldown2 : slot === 3 ? own.cooldown3 : 0;
}

/** Whole seconds left of a countdown in ticks, rounded up (what a "respawn in 3" shows). */
export function secondsLeft(ticks: number, ticksPerSecond = TICKS_PER_SECOND): number {
  return Math.max(0, Math.ceil(ticks / ticksPerSecond));
}

// ---- floating numbers ----------------------------------------------------------

export interface FloatingNumber {
  text: string;
  colour: string;
  /** Zone position (sub-tiles) it rises from. */
  at: Vec;
  /** Milliseconds since it appeared. */
  age: number;
}

/** Damage and heal numbers from zone events, rising and fading over `lifeMs`. */
export class FloatingNumbers {
  private items: { text: string; colour: string; at: Vec; born: number }[] = [];

  constructor(
    readonly lifeMs = 1000,
    private readonly max = 64,
  ) {}

  /** Takes a snapshot's events; `positionOf` places a number on its target if that is in view, else the event's point. */
  add(events: readonly ZoneEvent[], nowMs: number, positionOf: (id: number) => Vec | undefined = () => undefined): void {
    for (const e of events) {
      if (e.kind !== ZoneEventKind.Damage && e.kind !== ZoneEventKind.Heal) continue;
      if (e.amount === 0) continue;
      const damage = e.kind === ZoneEventKind.Damage;
      const at = positionOf(e.target) ?? e;
      this.items.push({ text: damage ? `-${e.amount}` : `+${e.amount}`, colour: damage ? '#ffd84a' : '#6ff08a', at: { x: at.x, y: at.y }, born: nowMs });
    }
    if (this.items.length > this.max) this.items.splice(0, this.items.length - this.max);
  }

  live(nowMs: number): FloatingNumber[] {
    this.items = this.items.filter((i) => nowMs - i.born < this.lifeMs);
    return this.items.map((i) => ({ text: i.text, colour: i.colour, at: i.at, age: nowMs - i.born }));
  }

  clear(): void {
    this.items = [];
  }
}

/** How far (pixels) a number has risen and how opaque it is at `age`. */
export function floatPose(age: number, lifeMs: number, risePx = 36): { rise: number; alpha: number } {
  const t = Math.min(1, Math.max(0, age / lifeMs));
  return { rise: risePx * (1 - (1 - t) * (1 - t)), alpha: t < 0.6 ? 1 : 1 - (t - 0.6) / 0.4 };
}

// ---- skill bar -----------------------------------------------------------------

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The skill bar's slot rectangles, centred at the bottom of the view, slot 1 first. */
export function skillBarLayout(view: Size, slots: number, size = 56, gap = 8, margin = 16): Rect[] {
  const total = slots * size + (slots - 1) * gap;
  const left = (view.width - total) / 2;
  const top = view.height - margin - size;
  return Array.from({ length: slots }, (_, i) => ({ x: left + i * (size + gap), y: top, width: size, height: size }));
}

/** The slot (1-based) a click at `p` lands on, or 0. */
export function slotAt(layout: readonly Rect[], p: Vec): number {
  const i = layout.findIndex((r) => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height);
  return i + 1;
}

// ---- telegraphs ------------------------------------------------------------------

/** A telegraph's outline as canvas arc parameters (radians, clockwise on screen like the angles). */
export function telegraphArc(t: Telegraph): { start: number; end: number } {
  if (t.shape !== TelegraphShape.Cone) return { start: 0, end: 2 * Math.PI };
  const toRad = (a: number) => (a / ANGLES_PER_TURN) * 2 * Math.PI;
  return { start: toRad(t.angle - t.width / 2), end: toRad(t.angle + t.width / 2) };
}

// ---- drawing ---------------------------------------------------------------------

export interface FrameInput {
  ctx: CanvasRenderingContext2D;
  view: Size;
  camera: Camera;
  terrain: CanvasImageSource | null;
  zoneTiles: Size;
  /** The zone's spawn points (settlements, points of interest), named on the ground. */
  spawns?: readonly ZoneSpawn[];
  /** Others, interpolated; the own character (predicted) separately. */
  entities: readonly ShownEntity[];
  self: ShownEntity | null;
  own: OwnState | null;
  target: number;
  hover: number;
  spans: CountdownSpans;
  numbers: FloatingNumber[];
  numberLifeMs: number;
  skills: readonly SkillRules[];
  ticksPerSecond: number;
}

const COLOURS = {
  backdrop: '#10141c',
  self: '#4aa8ff',
  player: '#9ad0ff',
  enemy: '#d8443a',
  projectile: '#c79bff',
  outline: '#0b0d12',
  hp: '#e0433b',
  hpBack: 'rgba(0,0,0,0.55)',
  mana: '#3f7cf0',
  target: '#ffd84a',
  telegraphEdge: 'rgba(255, 80, 40, 0.9)',
  telegraphFill: 'rgba(255, 80, 40, 0.35)',
};

export function drawFrame(f: FrameInput): void {
  const { ctx, view, camera } = f;
  ctx.save();
  ctx.fillStyle = COLOURS.backdrop;
  ctx.fillRect(0, 0, view.width, view.height);
  if (f.terrain) {
    ctx.imageSmoothingEnabled = false;
    const tilePx = camera.scale * SUB_TILES_PER_TILE;
    ctx.drawImage(f.terrain, camera.offsetX, camera.offsetY, f.zoneTiles.width * tilePx, f.zoneTiles.height * tilePx);
  }
  for (const s of f.spawns ?? []) drawSpawn(f, s);
  const all = f.self ? [...f.entities, f.self] : [...f.entities];
  for (const e of all) if (e.state.telegraph.shape !== TelegraphShape.None) drawTelegraph(f, e);
  for (const e of all) drawEntity(f, e, e === f.self);
  for (const n of f.numbers) drawNumber(f, n);
  drawSkillBar(f);
  if (f.own && (f.own.respawnTicks > 0 || f.self?.state.activity === EntityActivity.Dead)) drawDeath(f, f.own.respawnTicks);
  ctx.restore();
}

function drawSpawn(f: FrameInput, s: ZoneSpawn): void {
  const { ctx, camera } = f;
  const p = toScreen(camera, { x: centreOf(s.tileX), y: centreOf(s.tileY) });
  if (p.x < -100 || p.y < -20 || p.x > f.view.width + 100 || p.y > f.view.height + 20) return;
  const player = s.kind === 'settlement' || s.kind === 'centre';
  ctx.beginPath();
  ctx.arc(p.x, p.y, 4, 0, 2 * Math.PI);
  ctx.fillStyle = player ? '#fcfaf4' : '#7a2e8c';
  ctx.fill();
  ctx.strokeStyle = COLOURS.outline;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(252, 250, 244, 0.85)';
  ctx.strokeText(s.name, p.x, p.y - 8);
  ctx.fillStyle = '#221e1c';
  ctx.fillText(s.name, p.x, p.y - 8);
}

function drawTelegraph(f: FrameInput, e: ShownEntity): void {
  const { ctx, camera } = f;
  const t = e.state.telegraph;
  const c = toScreen(camera, t);
  const r = t.radius * camera.scale;
  const left = f.spans.observe(`tg:${e.id}`, t.ticksLeft);
  const { start, end } = telegraphArc(t);
  const path = (radius: number) => {
    ctx.beginPath();
    if (t.shape === TelegraphShape.Cone) ctx.moveTo(c.x, c.y);
    ctx.arc(c.x, c.y, radius, start, end);
    ctx.closePath();
  };
  // The fill grows from the centre as the wind-up runs out: full when the attack lands.
  path(r * (1 - left));
  ctx.fillStyle = COLOURS.telegraphFill;
  ctx.fill();
  path(r);
  ctx.strokeStyle = COLOURS.telegraphEdge;
  ctx.lineWidth = 2;
  ctx.stroke();
}

function drawEntity(f: FrameInput, e: ShownEntity, isSelf: boolean): void {
  const { ctx, camera } = f;
  const s = e.state;
  const p = toScreen(camera, e);
  const r = Math.max(3, bodyRadius(s.kind) * camera.scale);
  const dead = s.activity === EntityActivity.Dead;
  ctx.globalAlpha = dead ? 0.4 : s.flags & (EntityFlags.Invulnerable | EntityFlags.God) ? 0.75 : 1;
  const facing = (e.facing / ANGLES_PER_TURN) * 2 * Math.PI;
  ctx.beginPath();
  if (s.kind === EntityKind.Projectile) {
    ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
    ctx.fillStyle = COLOURS.projectile;
  } else if (s.kind === EntityKind.Enemy) {
    // A diamond pointing where it faces.
    for (let k = 0; k < 4; k++) {
      const a = facing + (k * Math.PI) / 2;
      const rr = k === 0 ? r * 1.25 : r;
      ctx.lineTo(p.x + Math.cos(a) * rr, p.y + Math.sin(a) * rr);
    }
    ctx.closePath();
    ctx.fillStyle = COLOURS.enemy;
  } else {
    ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
    ctx.fillStyle = isSelf ? COLOURS.self : COLOURS.player;
  }
  ctx.fill();
  ctx.strokeStyle = COLOURS.outline;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  if (s.kind !== EntityKind.Enemy && s.kind !== EntityKind.Projectile) {
    // A nose showing the facing.
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + Math.cos(facing) * r * 1.4, p.y + Math.sin(facing) * r * 1.4);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  if (e.id === f.target || e.id === f.hover) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, r + 4, 0, 2 * Math.PI);
    ctx.strokeStyle = COLOURS.target;
    ctx.lineWidth = e.id === f.target ? 2.5 : 1;
    ctx.stroke();
  }
  if (s.kind === EntityKind.Projectile || s.maxHp <= 0) return;
  const w = Math.max(24, r * 2.4);
  const top = p.y - r - 12;
  drawBar(ctx, p.x - w / 2, top, w, 4, fraction(s.hp, s.maxHp), COLOURS.hp);
  if (s.maxMana > 0) drawBar(ctx, p.x - w / 2, top + 5, w, 3, fraction(s.mana, s.maxMana), COLOURS.mana);
  if (s.activity === EntityActivity.Casting && s.activityTicks > 0) {
    const left = f.spans.observe(`cast:${e.id}`, s.activityTicks);
    drawBar(ctx, p.x - w / 2, p.y + r + 6, w, 3, 1 - left, '#f0f0f0');
  }
}

function drawBar(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, share: number, colour: string): void {
  ctx.fillStyle = COLOURS.hpBack;
  ctx.fillRect(x - 1, y - 1, w + 2, h + 2);
  ctx.fillStyle = colour;
  ctx.fillRect(x, y, w * share, h);
}

function drawNumber(f: FrameInput, n: FloatingNumber): void {
  const { ctx, camera } = f;
  const p = toScreen(camera, n.at);
  const { rise, alpha } = floatPose(n.age, f.numberLifeMs);
  ctx.globalAlpha = alpha;
  ctx.font = 'bold 16px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.lineWidth = 3;
  ctx.strokeStyle = COLOURS.outline;
  ctx.strokeText(n.text, p.x, p.y - 24 - rise);
  ctx.fillStyle = n.colour;
  ctx.fillText(n.text, p.x, p.y - 24 - rise);
  ctx.globalAlpha = 1;
}

function drawSkillBar(f: FrameInput): void {
  const { ctx } = f;
  const layout = skillBarLayout(f.view, f.skills.length);
  f.skills.forEach((skill, i) => {
    const r = layout[i];
    const slot = i + 1;
    ctx.fillStyle = 'rgba(52, 62, 92, 0.92)';
    ctx.fillRect(r.x, r.y, r.width, r.height);
    ctx.strokeStyle = '#8a93a8';
    ctx.lineWidth = 1;
    ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
    const ticks = f.own ? cooldownOf(f.own, slot) : 0;
    const left = f.spans.observe(`cd:${slot}`, ticks, skill.cooldownTicks);
    if (left > 0) {
      // A clock sweep: the dark wedge shrinks clockwise from 12 o'clock as the skill comes back.
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      ctx.save();
      ctx.beginPath();
      ctx.rect(r.x, r.y, r.width, r.height);
      ctx.clip();
      ctx.beginPath();
      ctx.moveTo(cx, cy);
      ctx.arc(cx, cy, r.width * 0.75, -Math.PI / 2 + (1 - left) * 2 * Math.PI, (3 * Math.PI) / 2);
      ctx.closePath();
      ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
      ctx.fill();
      ctx.restore();
      ctx.fillStyle = '#ffffff';
      ctx.font = 'bold 17px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(String(secondsLeft(ticks, f.ticksPerSecond)), cx, cy);
    }
    // Labels over the sweep, so they stay readable while it runs.
    ctx.fillStyle = '#e8ecf4';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.fillText(skill.name, r.x + r.width / 2, r.y + r.height - 8, r.width - 4);
    ctx.font = 'bold 13px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText(skill.key, r.x + 5, r.y + 15);
  });
}

function drawDeath(f: FrameInput, respawnTicks: number): void {
  const { ctx, view } = f;
  ctx.fillStyle = 'rgba(40, 0, 0, 0.55)';
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.font = 'bold 36px system-ui, sans-serif';
  ctx.fillText('You died', view.width / 2, view.height / 2 - 12);
  ctx.font = '18px system-ui, sans-serif';
  const s = secondsLeft(respawnTicks, f.ticksPerSecond);
  ctx.fillText(s > 0 ? `Respawning in ${s}…` : 'Respawning…', view.width / 2, view.height / 2 + 22);
}
