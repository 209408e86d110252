// Realms snapshot decoder (docs/realms.md, "Snapshot format"), the same format as Worldloom.Realms.Core/Snapshots:
// a bit stream, low bit first; numbers as 4-bit groups each after a "more follows" bit; a full snapshot, or a delta
// against a snapshot this decoder kept. Decoding never throws for bad bytes: it returns an error naming the field.
import type { WireError } from './wire';
import { EntityActivity, EntityFlags, EntityKind, TelegraphShape, ZoneEventKind } from './types';
import type { EntityState, OwnState, Snapshot, Telegraph, ZoneEvent } from './types';

export { EntityActivity, EntityFlags, EntityKind, TelegraphShape, ZoneEventKind };
export type { EntityState, OwnState, Snapshot, Telegraph, ZoneEvent };

export type DecodedSnapshot = { ok: true; snapshot: Snapshot } | { ok: false; error: WireError };

export const SnapshotFormat = {
  version: 1,
  defaultHistory: 32,
  /** A delta against a snapshot no longer kept: not a fault; drop it and do not acknowledge it. */
  missingBaseline: 'missing_baseline',
} as const;

const positionStep = 16;
const positionBits = 12;
const maxPositionSteps = (1 << positionBits) - 1;
const angleStep = 16;
const angleBits = 8;
const stepBits = 6;
const smallStepLimit = 1 << (stepBits - 1);
const maskBits = 13;
const ownMaskBits = 6;
const noTelegraph: Telegraph = { shape: 0, x: 0, y: 0, radius: 0, angle: 0, width: 0, ticksLeft: 0 };

// The changed-field mask of a delta (EntityFields in C#).
const F = {
  position: 1 << 0, facing: 1 << 1, hp: 1 << 2, maxHp: 1 << 3, mana: 1 << 4, maxMana: 1 << 5, activity: 1 << 6,
  activityTicks: 1 << 7, telegraph: 1 << 8, telegraphTicks: 1 << 9, flags: 1 << 10, target: 1 << 11, identity: 1 << 12,
} as const;

/** Reads what the C# BitWriter wrote; keeps the first fault and returns zeros after it. */
export class BitReader {
  error: WireError | null = null;
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get failed() { return this.error !== null; }
  get remaining() { return this.bytes.length * 8 - this.position; }

  fail(code: string, field: string, message: string) {
    this.error ??= { code, field, message };
  }

  outOfRange(field: string, expected: string, got: number) {
    this.fail('out_of_range', field, `${field} must be ${expected}; got ${got}`);
  }

  /** Reads `bits` (0..32) bits as an unsigned number. */
  read(bits: number, field: string): number {
    if (this.error) return 0;
    if (this.remaining < bits) {
      this.fail('truncated', field, `${field}: the payload ends ${bits - this.remaining} bit(s) short`);
      return 0;
    }
    let value = 0;
    let got = 0;
    while (got < bits) {
      const bit = this.position & 7;
      const take = Math.min(8 - bit, bits - got);
      const chunk = (this.bytes[this.position >>> 3] >>> bit) & ((1 << take) - 1);
      value += chunk * 2 ** got;
      got += take;
      this.position += take;
    }
    return value;
  }

  bool(field: string) { return this.read(1, field) !== 0; }

  varUInt(field: string): number {
    let value = 0;
    for (let group = 0; group < 8; group++) {
      const bits = this.read(5, field);
      if (this.error) return 0;
      const nibble = bits >>> 1;
      value += nibble * 2 ** (4 * group);
      if ((bits & 1) === 0) {
        if (nibble === 0 && group > 0) {
          this.fail('bad_number', field, `${field}: a number has a redundant last group`);
          return 0;
        }
        return value;
      }
    }
    this.fail('bad_number', field, `${field}: a number runs past 32 bits`);
    return 0;
  }

  varInt(field: string): number {
    const z = this.varUInt(field);
    return (z >>> 1) ^ -(z & 1);
  }

  /** A count or tick number that must fit a non-negative 32-bit int. */
  count(field: string): number {
    const value = this.varUInt(field);
    if (!this.error && value > 0x7fffffff) this.outOfRange(field, '0..2147483647', value);
    return value;
  }

  finish(): WireError | null {
    if (!this.error) {
      const rest = this.remaining;
      if (rest >= 8 || (rest > 0 && this.bytes[this.bytes.length - 1] >>> (8 - rest) !== 0))
        this.error = { code: 'trailing_bytes', field: 'payload', message: `payload: ${rest} bit(s) after the last field` };
    }
    return this.error;
  }
}

function readPosition(r: BitReader, field: string): [number, number] {
  const x = r.read(positionBits, field) * positionStep;
  return [x, r.read(positionBits, field) * positionStep];
}

function readBounded(r: BitReader, bits: number, max: number, field: string): number {
  const value = r.read(bits, field);
  if (!r.failed && value > max) r.outOfRange(field, `0..${max}`, value);
  return value;
}

function readArchetype(r: BitReader): number {
  const value = r.varUInt('entity.archetype');
  if (!r.failed && value > 0xffff) r.outOfRange('entity.archetype', '0..65535', value);
  return value;
}

/** Shape and geometry; ticks left are read separately. */
function readTelegraphShape(r: BitReader): Telegraph {
  const shape = r.read(2, 'entity.telegraph.shape');
  if (r.failed || shape === TelegraphShape.None) return { ...noTelegraph };
  if (shape > TelegraphShape.Cone) {
    r.outOfRange('entity.telegraph.shape', '0..2', shape);
    return { ...noTelegraph };
  }
  const [x, y] = readPosition(r, 'entity.telegraph.centre');
  const radius = r.varUInt('entity.telegraph.radius');
  const maxRadius = Math.floor(0x7fffffff / positionStep);
  if (!r.failed && radius > maxRadius) r.outOfRange('entity.telegraph.radius', `0..${maxRadius} steps`, radius);
  let angle = 0;
  let width = 0;
  if (shape === TelegraphShape.Cone) {
    angle = r.read(angleBits, 'entity.telegraph.angle') * angleStep;
    width = r.read(angleBits, 'entity.telegraph.width') * angleStep;
  }
  return { shape, x, y, radius: radius * positionStep, angle, width, ticksLeft: 0 };
}

function readWhole(r: BitReader, id: number): EntityState {
  const kind = readBounded(r, 2, EntityKind.Projectile, 'entity.kind');
  const archetype = readArchetype(r);
  const [x, y] = readPosition(r, 'entity.position');
  const facing = r.read(angleBits, 'entity.facing') * angleStep;
  const hp = r.varInt('entity.hp');
  const maxHp = r.varInt('entity.max_hp');
  const mana = r.varInt('entity.mana');
  const maxMana = r.varInt('entity.max_mana');
  const activity = readBounded(r, 4, EntityActivity.Return, 'entity.activity');
  const activityTicks = r.count('entity.activity_ticks');
  const telegraph = readTelegraphShape(r);
  if (telegraph.shape !== TelegraphShape.None) telegraph.ticksLeft = r.count('entity.telegraph_ticks');
  const flags = r.read(2, 'entity.flags');
  const target = r.varUInt('entity.target');
  return { id, kind, archetype, x, y, facing, hp, maxHp, mana, maxMana, activity, activityTicks, telegraph, flags, target };
}

const signExtend = (step: number) => (step ^ smallStepLimit) - smallStepLimit;

function readChanges(r: BitReader, was: Readonly<EntityState>): EntityState {
  const mask = r.bool('entity.mask') ? r.read(2, 'entity.mask') : r.read(maskBits, 'entity.mask');
  if (!r.failed && mask === 0) r.outOfRange('entity.mask', 'a changed field', 0);
  const e: EntityState = { ...was, telegraph: { ...was.telegraph } };
  if (mask & F.position) {
    if (r.bool('entity.position')) {
      const x = was.x / positionStep + signExtend(r.read(stepBits, 'entity.position'));
      const y = was.y / positionStep + signExtend(r.read(stepBits, 'entity.position'));
      if (x < 0 || x > maxPositionSteps || y < 0 || y > maxPositionSteps)
        r.outOfRange('entity.position', `within 0..${maxPositionSteps} steps after the step`, Math.min(x, y) < 0 ? Math.min(x, y) : Math.max(x, y));
      e.x = x * positionStep;
      e.y = y * positionStep;
    } else {
      [e.x, e.y] = readPosition(r, 'entity.position');
    }
  }
  if (mask & F.facing) e.facing = r.read(angleBits, 'entity.facing') * angleStep;
  if (mask & F.hp) e.hp = r.varInt('entity.hp');
  if (mask & F.maxHp) e.maxHp = r.varInt('entity.max_hp');
  if (mask & F.mana) e.mana = r.varInt('entity.mana');
  if (mask & F.maxMana) e.maxMana = r.varInt('entity.max_mana');
  if (mask & F.activity) e.activity = readBounded(r, 4, EntityActivity.Return, 'entity.activity');
  if (mask & F.activityTicks) e.activityTicks = r.count('entity.activity_ticks');
  if (mask & F.telegraph) e.telegraph = { ...readTelegraphShape(r), ticksLeft: e.telegraph.ticksLeft };
  if (mask & F.telegraphTicks) e.telegraph.ticksLeft = r.count('entity.telegraph_ticks');
  if (mask & F.flags) e.flags = r.read(2, 'entity.flags');
  if (mask & F.target) e.target = r.varUInt('entity.target');
  if (mask & F.identity) {
    e.kind = readBounded(r, 2, EntityKind.Projectile, 'entity.kind');
    e.archetype = readArchetype(r);
  }
  if (!r.failed && e.telegraph.shape === TelegraphShape.None && e.telegraph.ticksLeft !== 0)
    r.outOfRange('entity.telegraph_ticks', '0 without a telegraph', e.telegraph.ticksLeft);
  return e;
}

function readEvent(r: BitReader): ZoneEvent {
  const kind = readBounded(r, 3, ZoneEventKind.Knockback, 'event.kind');
  const source = r.varUInt('event.source');
  const target = r.varUInt('event.target');
  const amount = r.varInt('event.amount');
  const [x, y] = readPosition(r, 'event.position');
  const skill = r.varUInt('event.skill');
  if (!r.failed && skill > 0xffff) r.outOfRange('event.skill', '0..65535', skill);
  return { kind, source, target, amount, x, y, skill };
}

function readOwn(r: BitReader, was: Readonly<OwnState> | null): OwnState {
  if (!was) {
    return {
      entityId: r.varUInt('own.entity_id'),
      lastSequence: r.varUInt('own.last_sequence'),
      cooldown1: r.count('own.cooldown1'),
      cooldown2: r.count('own.cooldown2'),
      cooldown3: r.count('own.cooldown3'),
      respawnTicks: r.count('own.respawn_ticks'),
    };
  }
  const mask = r.read(ownMaskBits, 'own.mask');
  const own = { ...was };
  if (mask & 1) own.entityId = r.varUInt('own.entity_id');
  if (mask & 2) own.lastSequence = (was.lastSequence + r.varInt('own.last_sequence')) >>> 0;
  if (mask & 4) own.cooldown1 = r.count('own.cooldown1');
  if (mask & 8) own.cooldown2 = r.count('own.cooldown2');
  if (mask & 16) own.cooldown3 = r.count('own.cooldown3');
  if (mask & 32) own.respawnTicks = r.count('own.respawn_ticks');
  return own;
}

/** A list length, bounded by the bits left (every entry takes at least five). */
function readListLength(r: BitReader, field: string): number {
  const count = r.varUInt(field);
  if (!r.failed && count > r.remaining / 5) r.fail('truncated', field, `${field} ${count} is more than the payload can hold`);
  return r.failed ? 0 : count;
}

function nextId(r: BitReader, previous: number, field: string): number {
  const id = previous + r.varUInt(field) + 1;
  if (!r.failed && id > 0xffffffff) r.outOfRange(field, 'at most 4294967295', id);
  return id;
}

/** Binary search by id: the index, or -(insertion point) - 1. */
function indexOf(entities: readonly Readonly<EntityState>[], id: number): number {
  let lo = 0;
  let hi = entities.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const midId = entities[mid].id;
    if (midId === id) return mid;
    if (midId < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/**
 * Decodes one connection's snapshots. Keeps the `history` newest snapshots it decoded as baselines for deltas; use a
 * new decoder for each zone (after a transfer frame), since ticks are per zone.
 */
export class SnapshotDecoder {
  private readonly kept: Snapshot[] = [];

  constructor(readonly history: number = SnapshotFormat.defaultHistory) {}

  get newestTick(): number | null {
    return this.kept.length === 0 ? null : this.kept[this.kept.length - 1].tick;
  }

  decode(payload: Uint8Array): DecodedSnapshot {
    const r = new BitReader(payload);
    const version = r.read(4, 'version');
    if (!r.failed && version !== SnapshotFormat.version)
      r.fail('unsupported_version', 'version', `version ${version} is not ${SnapshotFormat.version}`);
    const tick = r.read(32, 'tick');
    const full = r.bool('full');
    let baseline: Snapshot | null = null;
    if (!full) {
      const back = r.varUInt('baseline');
      if (!r.failed && back >= tick) r.outOfRange('baseline', `below tick ${tick}`, back);
      if (!r.failed) {
        const baseTick = tick - back - 1;
        baseline = this.kept.find((s) => s.tick === baseTick) ?? null;
        if (!baseline) r.fail(SnapshotFormat.missingBaseline, 'baseline', `baseline tick ${baseTick} is not kept`);
      }
    }

    const own = readOwn(r, baseline?.own ?? null);
    const entities = baseline ? baseline.entities.slice() : [];
    const left: number[] = [];
    if (baseline) {
      const count = readListLength(r, 'left.count');
      let id = 0;
      for (let i = 0; i < count && !r.failed; i++) {
        id = nextId(r, id, 'left.id');
        const at = indexOf(entities, id);
        if (!r.failed && at < 0) r.fail('unknown_entity', 'left.id', `left.id ${id} is not in baseline ${baseline.tick}`);
        if (!r.failed) {
          entities.splice(at, 1);
          left.push(id);
        }
      }
    }

    const entered = readListLength(r, 'entered.count');
    let id = 0;
    for (let i = 0; i < entered && !r.failed; i++) {
      id = nextId(r, id, 'entered.id');
      const entity = readWhole(r, id);
      const at = indexOf(entities, id);
      if (!r.failed && at >= 0) r.fail('duplicate_entity', 'entered.id', `entered.id ${id} is already visible`);
      if (!r.failed) entities.splice(-at - 1, 0, entity);
    }

    if (baseline) {
      const changed = readListLength(r, 'changed.count');
      id = 0;
      for (let i = 0; i < changed && !r.failed; i++) {
        id = nextId(r, id, 'changed.id');
        const at = indexOf(entities, id);
        if (!r.failed && at < 0) r.fail('unknown_entity', 'changed.id', `changed.id ${id} is not a visible entity of the baseline`);
        if (!r.failed) entities[at] = readChanges(r, entities[at]);
      }
    }

    const eventCount = readListLength(r, 'events.count');
    const events: ZoneEvent[] = [];
    for (let i = 0; i < eventCount && !r.failed; i++) events.push(readEvent(r));

    const error = r.finish();
    if (error) return { ok: false, error };
    const snapshot: Snapshot = { tick, baselineTick: baseline ? baseline.tick : null, own, entities, left, events };
    this.keep(snapshot);
    return { ok: true, snapshot };
  }

  private keep(snapshot: Snapshot) {
    const at = this.kept.findIndex((s) => s.tick >= snapshot.tick);
    if (at < 0) this.kept.push(snapshot);
    else if (this.kept[at].tick === snapshot.tick) this.kept[at] = snapshot;
    else this.kept.splice(at, 0, snapshot);
    if (this.kept.length > this.history) this.kept.shift();
  }
}
