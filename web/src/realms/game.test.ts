import { describe, expect, it } from 'vitest';
import { entity, own, snapshot } from './fixtures';
import { RealmGame } from './game';
import type { LinkClosed, RealmLink } from './link';
import { step } from './prediction';
import type { ZoneLayers } from './terrain';
import { EntityActivity, EntityKind, ZoneEventKind, centreOf, type EntityState, type PlayerInput, type Refusal, type Snapshot, type Transfer, type Welcome, type WireError, type ZoneEvent } from './types';

type Handlers = {
  welcome: ((w: Welcome) => void)[];
  snapshot: ((s: Snapshot) => void)[];
  transfer: ((t: Transfer) => void)[];
  refused: ((r: Refusal) => void)[];
  console: ((t: string) => void)[];
  error: ((e: WireError) => void)[];
  close: ((c: LinkClosed) => void)[];
  pong: ((n: number) => void)[];
};

/** A link to a small stand-in zone server: it applies one input per tick with the movement rule and Magic Missile hits at once. */
class FakeServer implements RealmLink {
  h: Handlers = { welcome: [], snapshot: [], transfer: [], refused: [], console: [], error: [], close: [], pong: [] };
  inputs: PlayerInput[] = [];
  acks: number[] = [];
  consoleLines: string[] = [];
  joined: string | null = null;
  tick = 100;
  lastSequence = 0;
  self: EntityState;
  wolf: EntityState;
  events: ZoneEvent[] = [];

  constructor(private readonly map: ZoneLayers) {
    this.self = entity(1, centreOf(2), centreOf(2), { kind: EntityKind.Player, maxMana: 100, mana: 100 });
    this.wolf = entity(9, centreOf(6), centreOf(2), { hp: 50, maxHp: 50 });
  }

  connect(characterId: string) {
    this.joined = characterId;
  }
  sendInput(input: PlayerInput) {
    this.inputs.push(input);
  }
  sendAck(tick: number) {
    this.acks.push(tick);
  }
  sendConsole(line: string) {
    this.consoleLines.push(line);
    for (const f of this.h.console) f(`ok: ${line}`);
  }
  close() {}
  pings: number[] = [];
  sendPing(nonce: number) {
    this.pings.push(nonce);
  }
  onPong(f: (n: number) => void) { this.h.pong.push(f); return () => {}; }
  onWelcome(f: (w: Welcome) => void) { this.h.welcome.push(f); return () => {}; }
  onSnapshot(f: (s: Snapshot) => void) { this.h.snapshot.push(f); return () => {}; }
  onTransfer(f: (t: Transfer) => void) { this.h.transfer.push(f); return () => {}; }
  onRefused(f: (r: Refusal) => void) { this.h.refused.push(f); return () => {}; }
  onConsole(f: (t: string) => void) { this.h.console.push(f); return () => {}; }
  onError(f: (e: WireError) => void) { this.h.error.push(f); return () => {}; }
  onClose(f: (c: LinkClosed) => void) { this.h.close.push(f); return () => {}; }

  welcome() {
    for (const f of this.h.welcome) f({ entityId: 1, realmId: 'r', zoneX: 0, zoneY: 0, tick: this.tick, ticksPerSecond: 20 });
  }

  /** One server tick: the oldest queued input, then a snapshot. */
  stepTick() {
    this.tick++;
    const input = this.inputs.find((i) => i.sequence > this.lastSequence);
    if (input) {
      this.lastSequence = input.sequence;
      this.self = { ...this.self, ...step(this.map, this.self, input.moveAngle, 64) };
      if (input.cast?.slot === 1 && input.cast.target === this.wolf.id) {
        this.wolf = { ...this.wolf, hp: this.wolf.hp - 12 };
        this.events.push({ kind: ZoneEventKind.Damage, source: 1, target: 9, amount: 12, x: this.wolf.x, y: this.wolf.y, skill: 0 });
      }
    }
    const snap: Snapshot = { tick: this.tick, baselineTick: null, own: own({ lastSequence: this.lastSequence }), entities: [this.self, this.wolf], left: [], events: this.events };
    this.events = [];
    for (const f of this.h.snapshot) f(snap);
  }
}

function zone(): ZoneLayers {
  const cells = 16 * 16;
  return { width: 16, height: 16, cost: new Uint8Array(cells).fill(100), biomes: new Uint8Array(cells).fill(7), heights: new Uint16Array(cells), spawns: [], exits: [] };
}

async function joined() {
  const map = zone();
  const server = new FakeServer(map);
  let now = 0;
  const loads: string[] = [];
  const game = new RealmGame({ link: server, loadZone: async (x, y) => (loads.push(`${x},${y}`), map), now: () => now });
  game.start('char-1');
  server.welcome();
  await Promise.resolve();
  server.stepTick();
  return { game, server, map, loads, clock: { get: () => now, set: (t: number) => (now = t) } };
}

describe('RealmGame', () => {
  it('joins, loads the zone map and acknowledges every snapshot', async () => {
    const { game, server, loads } = await joined();
    expect(server.joined).toBe('char-1');
    expect(game.status).toBe('playing');
    expect(loads).toEqual(['0,0']);
    expect(game.layers?.width).toBe(16);
    expect(server.acks).toEqual([101]);
  });

  it('walks the own character at once and ends where the server has it', async () => {
    const { game, server, clock } = await joined();
    game.input.keyDown('KeyD');
    // The client sends a tick ahead of the server's reply each time: the prediction runs ahead of the snapshots.
    for (let t = 0; t < 10; t++) {
      clock.set(t * 50);
      game.update(t * 50);
      expect(game.predicted?.x).toBe(centreOf(2) + 64 * (t + 1));
      server.stepTick();
    }
    game.input.keyUp('KeyD');
    expect(server.inputs.map((i) => i.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(server.self.x).toBe(centreOf(2) + 640);
    expect(game.predicted).toEqual({ x: server.self.x, y: server.self.y });
    expect(game.view(500).self?.x).toBe(centreOf(2) + 640);
  });

  it('casts Magic Missile at a clicked enemy: the input carries the target, a damage number shows, its HP drops', async () => {
    const { game, server, clock } = await joined();
    game.input.click({ point: { x: server.wolf.x, y: server.wolf.y }, entity: 9 });
    game.input.keyDown('Digit1');
    clock.set(0);
    game.update(0);
    expect(server.inputs[0].cast).toEqual({ slot: 1, target: 9, point: { x: 0, y: 0 } });
    server.stepTick();
    expect(game.numbers.live(10).map((n) => n.text)).toEqual(['-12']);
    for (let t = 1; t <= 3; t++) {
      clock.set(t * 50);
      server.stepTick();
    }
    const wolf = game.view(150).entities.find((e) => e.id === 9);
    expect(wolf?.state.hp).toBe(38);
    expect(game.view(150).self?.id).toBe(1);
  });

  it('keeps at most 8 inputs in flight: a server that falls behind delays the character instead of refusing floods', async () => {
    const { game, server } = await joined();
    game.input.keyDown('KeyD');
    for (let t = 0; t < 40; t++) game.update(t * 50);
    expect(server.inputs.length).toBe(8);
    // The server catches up: sending resumes, continuing the sequence.
    server.stepTick();
    server.stepTick();
    for (let t = 40; t < 44; t++) game.update(t * 50);
    expect(server.inputs.map((i) => i.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('counts only the inputs sent to the zone it is in after a transfer (the new zone has applied none yet)', async () => {
    const { game, server } = await joined();
    game.input.keyDown('KeyD');
    for (let t = 0; t < 6; t++) game.update(t * 50);
    for (const f of server.h.transfer) f({ zoneX: 1, zoneY: 0 });
    for (const f of server.h.welcome) f({ entityId: 1, realmId: 'r', zoneX: 1, zoneY: 0, tick: 500, ticksPerSecond: 20 });
    await Promise.resolve();
    for (const f of server.h.snapshot) f(snapshot(501, [server.self], { own: own({ lastSequence: 0 }) }));
    for (let t = 6; t < 40; t++) game.update(t * 50);
    expect(server.inputs.length).toBe(6 + 8);
    expect(server.inputs[6].sequence).toBe(7);
  });

  it('Tab targets the nearest living enemy, then the next nearest, skipping players and the dead; Magic Missile goes there', async () => {
    const { game, server, clock } = await joined();
    const near = entity(20, centreOf(4), centreOf(2));
    const far = entity(21, centreOf(9), centreOf(2));
    const dead = entity(22, centreOf(3), centreOf(2), { activity: EntityActivity.Dead, hp: 0 });
    const ally = entity(23, centreOf(2), centreOf(3), { kind: EntityKind.Player });
    for (const f of server.h.snapshot) f(snapshot(server.tick + 1, [server.self, near, far, dead, ally]));
    expect(game.input.keyDown('Tab')).toEqual({ type: 'target' });
    expect(game.targetNext()).toBe(20);
    expect(game.targetNext()).toBe(21);
    expect(game.targetNext()).toBe(20);
    game.input.keyDown('Digit1');
    clock.set(0);
    game.update(0);
    expect(server.inputs[0].cast?.target).toBe(20);
    // No enemy in view: no target.
    for (const f of server.h.snapshot) f(snapshot(server.tick + 2, [server.self, ally]));
    expect(game.targetNext()).toBe(0);
  });

  it('sends nothing before the first snapshot, then continues above the sequence a resumed character had', async () => {
    const map = zone();
    const server = new FakeServer(map);
    server.lastSequence = 700;
    const game = new RealmGame({ link: server, loadZone: async () => map, now: () => 0 });
    game.start('char-1');
    server.welcome();
    game.update(0);
    expect(server.inputs).toEqual([]);
    server.stepTick();
    game.update(50);
    expect(server.inputs.map((i) => i.sequence)).toEqual([701]);
  });

  it('sends one stop at once when the page is left, since the server walks on in the last direction', async () => {
    const { game, server, clock } = await joined();
    game.input.keyDown('KeyW');
    clock.set(0);
    game.update(0);
    game.halt();
    expect(server.inputs.map((i) => [i.sequence, i.moveAngle])).toEqual([
      [1, 3072],
      [2, -1],
    ]);
    game.update(50);
    expect(server.inputs[2].moveAngle).toBe(-1);
  });

  it('aims each skill at what it can take: the enemy for Magic Missile, an ally or oneself for Heal, nothing for Nova', async () => {
    const { game, server, clock } = await joined();
    game.input.click({ point: { x: 0, y: 0 }, entity: 9 });
    const castAt = (slot: number, t: number) => {
      game.input.cast(slot);
      clock.set(t);
      game.update(t);
      return server.inputs[server.inputs.length - 1].cast?.target;
    };
    expect(castAt(1, 0)).toBe(9);
    expect(castAt(3, 50)).toBe(0);
    expect(castAt(2, 100)).toBe(0);
    game.input.click({ point: { x: 0, y: 0 }, entity: 1 });
    expect(castAt(3, 150)).toBe(1);
    expect(castAt(1, 200)).toBe(0);
  });

  it('measures the round trip with a ping every two seconds', async () => {
    const { game, server, clock } = await joined();
    clock.set(1000);
    game.update(1000);
    game.update(2000);
    expect(server.pings).toEqual([1]);
    clock.set(1080);
    for (const f of server.h.pong) f(1);
    expect(game.rttMs).toBe(80);
    for (const f of server.h.pong) f(1);
    for (const f of server.h.pong) f(99);
    expect(game.rttMs).toBe(80);
    game.update(3000);
    expect(server.pings).toEqual([1, 2]);
  });

  it('keeps a dead character still and shows the respawn countdown state', async () => {
    const { game, server, clock } = await joined();
    server.self = { ...server.self, hp: 0, activity: EntityActivity.Dead };
    const dead: Snapshot = { tick: 200, baselineTick: null, own: own({ respawnTicks: 60 }), entities: [server.self, server.wolf], left: [], events: [] };
    for (const f of server.h.snapshot) f(dead);
    expect(game.alive).toBe(false);
    const before = game.predicted;
    game.input.keyDown('KeyD');
    clock.set(1000);
    game.update(1000);
    expect(game.predicted).toEqual(before);
    expect(game.view(1000).own?.respawnTicks).toBe(60);
  });

  it('moves to the new zone on a transfer, and sends and logs console lines', async () => {
    const { game, server, loads } = await joined();
    game.input.click({ point: { x: 0, y: 0 }, entity: 9 });
    for (const f of server.h.transfer) f({ zoneX: 1, zoneY: 0 });
    expect(game.input.target).toBe(0);
    expect(game.zone).toEqual({ x: 1, y: 0 });
    expect(game.layers).toBeNull();
    expect(game.view(0).entities).toEqual([]);
    await Promise.resolve();
    expect(loads).toEqual(['0,0', '1,0']);
    expect(game.layers).not.toBeNull();
    game.sendConsole('  /spawn wolf 3 ');
    game.sendConsole('   ');
    expect(server.consoleLines).toEqual(['/spawn wolf 3']);
    for (const f of server.h.refused) f({ sequence: 4, code: 'cooldown' });
    for (const f of server.h.close) f({ code: 4001, reason: 'flood' });
    expect(game.log.map((l) => `${l.kind} ${l.text}`).slice(-4)).toEqual(['command /spawn wolf 3', 'reply ok: /spawn wolf 3', 'refused Refused (cooldown) input 4', 'info Kicked: flood']);
    expect(game.status).toBe('closed');
  });
});
