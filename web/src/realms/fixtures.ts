/** Builders for the Realms tests: whole entity states and snapshots from the few fields a test cares about. */
import { EntityActivity, EntityFlags, EntityKind, NO_TELEGRAPH, type EntityState, type OwnState, type Snapshot } from './types';

export function entity(id: number, x: number, y: number, over: Partial<EntityState> = {}): EntityState {
  return {
    id,
    kind: EntityKind.Enemy,
    archetype: 0,
    x,
    y,
    facing: 0,
    hp: 100,
    maxHp: 100,
    mana: 0,
    maxMana: 0,
    activity: EntityActivity.Idle,
    activityTicks: 0,
    telegraph: NO_TELEGRAPH,
    flags: EntityFlags.None,
    target: 0,
    ...over,
  };
}

export function own(over: Partial<OwnState> = {}): OwnState {
  return { entityId: 1, lastSequence: 0, cooldown1: 0, cooldown2: 0, cooldown3: 0, respawnTicks: 0, ...over };
}

export function snapshot(tick: number, entities: EntityState[], over: Partial<Snapshot> = {}): Snapshot {
  return { tick, baselineTick: null, own: own(), entities, left: [], events: [], ...over };
}
