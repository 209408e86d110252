/**
 * TypeScript mirrors of the Realms contract (docs/realms.md, src/Worldloom.Realms.Core): the enums carry the same
 * numeric values as the C# ones, field names are camelCase. Units as on the server: positions in sub-tiles (256 per
 * tile), angles 0..4095 per turn (0 = east, clockwise on screen since y grows south), time in ticks (20 per second).
 */

/** Sub-tiles per tile (`SubTiles.PerTile`). */
export const SUB_TILES_PER_TILE = 256;
/** Bits of a position below the tile (`SubTiles.Shift`). */
export const SUB_TILE_SHIFT = 8;
/** Angle units per full turn (`Trig.AnglesPerTurn`). */
export const ANGLES_PER_TURN = 4096;
/** Simulation ticks per second (`ZoneSimulation.TicksPerSecond`); the welcome frame repeats it. */
export const TICKS_PER_SECOND = 20;
/** Milliseconds per tick at the nominal rate. */
export const MS_PER_TICK = 1000 / TICKS_PER_SECOND;
/** The move angle that means "stand still" (`PlayerInput.Stop`). */
export const STOP = -1;
/** A tile nobody can enter (`ZoneMap.Blocked`). */
export const BLOCKED = 0;
/** The cost of a tile crossed at full speed (`ZoneMap.NormalCost`). */
export const NORMAL_COST = 100;

/** The tile a sub-tile position lies in (floor, also for negative positions), as `SubTiles.TileOf`. */
export function tileOf(subTiles: number): number {
  return subTiles >> SUB_TILE_SHIFT;
}

/** The sub-tile position of the centre of a tile, as `SubTiles.CentreOf`. */
export function centreOf(tile: number): number {
  return (tile << SUB_TILE_SHIFT) + SUB_TILES_PER_TILE / 2;
}

/** A position or displacement in sub-tiles, zone-local (`Geometry/Vec`). */
export interface Vec {
  x: number;
  y: number;
}

/** `Entities/EntityKind`. */
export enum EntityKind {
  Player = 0,
  Enemy = 1,
  Projectile = 2,
}

/** `Entities/EntityActivity`. */
export enum EntityActivity {
  Idle = 0,
  Moving = 1,
  Casting = 2,
  Pursue = 3,
  WindUp = 4,
  Attack = 5,
  Recover = 6,
  Dead = 7,
  Return = 8,
}

/** `Entities/EntityFlags` (bit flags). */
export enum EntityFlags {
  None = 0,
  Invulnerable = 1,
  God = 2,
}

/** `Entities/TelegraphShape`. */
export enum TelegraphShape {
  None = 0,
  Circle = 1,
  Cone = 2,
}

/** `Entities/ZoneEventKind`. */
export enum ZoneEventKind {
  Cast = 0,
  Damage = 1,
  Heal = 2,
  Death = 3,
  Respawn = 4,
  Interrupted = 5,
  Knockback = 6,
}

/** `Zones/ZoneEdge`. */
export enum ZoneEdge {
  North = 0,
  East = 1,
  South = 2,
  West = 3,
}

/** `Entities/Telegraph`: where a winding-up attack will land. */
export interface Telegraph {
  shape: TelegraphShape;
  /** The circle's centre or the cone's apex, in sub-tiles (flat, as the snapshot codec's vectors spell it). */
  x: number;
  y: number;
  radius: number;
  /** The cone's direction. */
  angle: number;
  /** The cone's full width, in angle units. */
  width: number;
  ticksLeft: number;
}

/** No telegraph (`Telegraph.None`). */
export const NO_TELEGRAPH: Telegraph = Object.freeze({
  shape: TelegraphShape.None,
  x: 0,
  y: 0,
  radius: 0,
  angle: 0,
  width: 0,
  ticksLeft: 0,
}) as Telegraph;

/** `Entities/EntityState`: what a client may know of one entity at one tick. */
export interface EntityState {
  id: number;
  kind: EntityKind;
  /** Class (player), enemy archetype (enemy) or skill (projectile) index in the realm rules. */
  archetype: number;
  /** Where it is, in sub-tiles (flat, as the snapshot codec's vectors spell it; an entity is itself a `Vec`). */
  x: number;
  y: number;
  facing: number;
  hp: number;
  maxHp: number;
  mana: number;
  maxMana: number;
  activity: EntityActivity;
  /** Ticks left in the activity (cast time, wind-up, recovery, respawn delay), or 0. */
  activityTicks: number;
  telegraph: Telegraph;
  flags: EntityFlags;
  /** The entity it targets, or 0. */
  target: number;
}

/** `Entities/ZoneEvent`: one thing that happened in a tick. */
export interface ZoneEvent {
  kind: ZoneEventKind;
  source: number;
  target: number;
  amount: number;
  /** Where, in sub-tiles. */
  x: number;
  y: number;
  skill: number;
}

/** `Snapshots/OwnState`: what only the controlling client is told about its entity. */
export interface OwnState {
  entityId: number;
  /** The last input sequence the server applied. */
  lastSequence: number;
  cooldown1: number;
  cooldown2: number;
  cooldown3: number;
  /** Ticks until respawn while dead, else 0. */
  respawnTicks: number;
}

/**
 * One decoded snapshot, as the snapshot codec (web/src/realms/snapshot.ts) gives it: the full list of visible
 * entities (deltas already applied), the ids that left view since the baseline, and this tick's events.
 */
export interface Snapshot {
  readonly tick: number;
  /** The snapshot the delta was applied to, or null for a full snapshot. */
  readonly baselineTick: number | null;
  readonly own: Readonly<OwnState>;
  /** Every visible entity by ascending id; shared with the decoder's later baselines, so never changed in place. */
  readonly entities: readonly Readonly<EntityState>[];
  /** Baseline entities no longer visible. */
  readonly left: readonly number[];
  readonly events: readonly Readonly<ZoneEvent>[];
}

/** `Input/SkillCast`. */
export interface SkillCast {
  /** The skill bar slot, 1-based. */
  slot: number;
  /** The entity aimed at, or 0. */
  target: number;
  /** The point aimed at when no entity is. */
  point: Vec;
}

/** `Input/PlayerInput`: one tick's intent. */
export interface PlayerInput {
  sequence: number;
  /** 0..4095, or {@link STOP}. */
  moveAngle: number;
  cast: SkillCast | null;
}

/** The `welcome` frame (0x81). */
export interface Welcome {
  entityId: number;
  realmId: string;
  zoneX: number;
  zoneY: number;
  tick: number;
  ticksPerSecond: number;
}

/** The `refused` frame (0x83): an input the server would not apply. */
export interface Refusal {
  sequence: number;
  /** `cooldown`, `mana`, `range`, `line_of_sight`, `unknown_skill`, `unknown_target`, `dead`, `replayed`, `flood`. */
  code: string;
}

/** The `transfer` frame (0x84): load this zone's map; its snapshots follow. */
export interface Transfer {
  zoneX: number;
  zoneY: number;
}

/** The `error` frame (0x86): a bad frame; the connection stays open. */
export interface WireError {
  code: string;
  message: string;
}

/** The numbers of a class the client needs to predict and draw (the server's rules are authoritative). */
export interface ClassRules {
  /** Sub-tiles per tick on a tile of normal cost. */
  speed: number;
  /** Skill bar, slot 1 first. */
  skills: SkillRules[];
}

/** A skill as the skill bar shows it. */
export interface SkillRules {
  name: string;
  /** Full cooldown in ticks (the sweep's 100 %); 0 when unknown: the bar then uses the largest value it has seen. */
  cooldownTicks: number;
  /** Key that casts it. */
  key: string;
  /** What it is aimed at: an enemy (Magic Missile), an ally or oneself (Heal), or nothing but the caster (Nova). */
  aim: 'enemy' | 'ally' | 'self';
}

/**
 * The Mage as the realm rules' data file has it (src/Worldloom.Realms.Core/Data/realm.json: speed 64, cooldowns 500,
 * 6000 and 3000 ms), used until the server sends its rules; a mismatch only costs prediction corrections (the server's
 * position always wins) and a cooldown sweep that starts from the first value seen.
 */
export const MAGE: ClassRules = {
  speed: 64,
  skills: [
    { name: 'Magic Missile', cooldownTicks: 10, key: '1', aim: 'enemy' },
    { name: 'Arcane Nova', cooldownTicks: 120, key: '2', aim: 'self' },
    { name: 'Heal', cooldownTicks: 60, key: '3', aim: 'ally' },
  ],
};
