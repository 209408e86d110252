// The peer `loom bench realms` compares Worldloom's zones against: Colyseus rooms, one per zone, each syncing its
// entities (players and wandering creatures) at 20 Hz with Colyseus' own interest management (`.view()` fields and a
// StateView per client, filled from a spatial grid), the way Colyseus documents per-client filtering. Unlike
// Worldloom's zones it has no terrain, no combat rules beyond a flat area hit, no persistence and no authority
// checks: its figures are an upper bound for what a room with this entity count costs.
//
// Usage: node server.mjs [port] [--zones N] [--creatures N] [--size TILES] [--radius TILES]
// Prints one line {"port":N,"statsPort":N,"pid":N} once listening. GET /stats on statsPort answers the tick timings since the last
// GET /stats?reset=1: {"ticks":N,"tickP50Ms":..,"tickP99Ms":..,"overruns":N,"clients":N}.
import http from "node:http";
import { Server, Room } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { schema, t, StateView } from "@colyseus/schema";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const port = Number(args[0] && !args[0].startsWith("--") ? args[0] : 0);
const zones = option("zones", 1);
const creaturesPerZone = option("creatures", 1000);
const sizeTiles = option("size", 128);
const radiusTiles = option("radius", 32);

const SUB = 256; // sub-tiles per tile, as Worldloom's zones
const TICK_MS = 50;
const size = sizeTiles * SUB;
const radius = radiusTiles * SUB;
const cell = 8 * SUB;
const cells = Math.ceil(size / cell);
const playerSpeed = Math.round((64 * SUB) / 10 / 20); // the Mage's speed 64 (tenths of a tile a second), as ours on open ground
const creatureSpeed = Math.round((2 * SUB) / 20);

const Entity = schema({
  id: t.uint32(),
  kind: t.uint8(),
  x: t.int32(),
  y: t.int32(),
  facing: t.uint16(),
  hp: t.int32(),
  maxHp: t.int32(),
  mana: t.int32(),
  activity: t.uint8(),
}, "Entity");

const ZoneState = schema({
  entities: t.map(Entity).view(),
}, "ZoneState");

// A small deterministic generator, so both runs of the peer place the same creatures.
function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const tickTimes = [];
let overruns = 0;
let clients = 0;

class Zone extends Room {
  maxClients = 100000;

  onCreate(options) {
    this.setState(new ZoneState());
    this.random = lcg(1 + (options.zone ?? 0));
    this.nextId = 1;
    this.players = new Map(); // sessionId -> { entity, angle }
    this.creatures = [];
    for (let i = 0; i < creaturesPerZone; i++) {
      const e = new Entity();
      Object.assign(e, { id: this.nextId++, kind: 1, x: Math.floor(this.random() * size), y: Math.floor(this.random() * size),
        facing: Math.floor(this.random() * 4096), hp: 100, maxHp: 100, mana: 0, activity: 3 });
      this.state.entities.set(String(e.id), e);
      this.creatures.push(e);
    }
    this.onMessage("input", (client, message) => {
      const player = this.players.get(client.sessionId);
      if (player && message && typeof message.angle === "number") player.angle = message.angle;
    });
    this.onMessage("cast", (client) => {
      const player = this.players.get(client.sessionId);
      if (!player || player.entity.mana < 10) return;
      player.entity.mana -= 10;
      for (const c of this.near(player.entity.x, player.entity.y, 3 * SUB)) {
        if (c.kind === 1) c.hp = Math.max(0, c.hp - 5);
      }
    });
    // A tick's cost is its simulation step plus the patch Colyseus encodes and sends after it (on its own interval):
    // the patch's time is added to the tick it follows.
    const broadcastPatch = this.broadcastPatch.bind(this);
    this.broadcastPatch = () => {
      const started = performance.now();
      const result = broadcastPatch();
      if (tickTimes.length > 0) tickTimes[tickTimes.length - 1] += performance.now() - started;
      return result;
    };
    this.setPatchRate(TICK_MS);
    this.setSimulationInterval(() => this.step(), TICK_MS);
  }

  onJoin(client) {
    const e = new Entity();
    // Players appear around one spawn point, as a Worldloom zone's characters appear at its player spawn.
    Object.assign(e, { id: this.nextId++, kind: 0, x: Math.floor(size / 2 + (this.random() - 0.5) * 4 * SUB),
      y: Math.floor(size / 2 + (this.random() - 0.5) * 4 * SUB), facing: 0, hp: 500, maxHp: 500, mana: 200, activity: 0 });
    this.state.entities.set(String(e.id), e);
    this.players.set(client.sessionId, { entity: e, angle: -1, client, seen: new Set() });
    client.view = new StateView();
    clients++;
  }

  onLeave(client) {
    const player = this.players.get(client.sessionId);
    if (!player) return;
    this.players.delete(client.sessionId);
    this.state.entities.delete(String(player.entity.id));
    clients--;
  }

  near(x, y, r) {
    const found = [];
    const cx0 = Math.max(0, Math.floor((x - r) / cell)), cx1 = Math.min(cells - 1, Math.floor((x + r) / cell));
    const cy0 = Math.max(0, Math.floor((y - r) / cell)), cy1 = Math.min(cells - 1, Math.floor((y + r) / cell));
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) {
        for (const e of this.grid[cy * cells + cx]) {
          const dx = e.x - x, dy = e.y - y;
          if (dx * dx + dy * dy <= r * r) found.push(e);
        }
      }
    }
    return found;
  }

  step() {
    const started = performance.now();
    for (const c of this.creatures) {
      if (this.random() < 0.025) c.facing = Math.floor(this.random() * 4096);
      move(c, c.facing, creatureSpeed);
      if (c.hp < c.maxHp && this.random() < 0.05) c.hp += 1;
    }
    for (const p of this.players.values()) {
      if (p.angle >= 0) {
        p.entity.facing = p.angle;
        move(p.entity, p.angle, playerSpeed);
        p.entity.activity = 1;
      } else {
        p.entity.activity = 0;
      }
      if (p.entity.mana < 200) p.entity.mana += 1;
    }
    this.grid = Array.from({ length: cells * cells }, () => []);
    for (const e of this.state.entities.values()) {
      this.grid[Math.floor(e.y / cell) * cells + Math.floor(e.x / cell)].push(e);
    }
    // Interest management: each client's view holds exactly the entities within its radius.
    for (const p of this.players.values()) {
      const visible = new Set(this.near(p.entity.x, p.entity.y, radius));
      for (const e of p.seen) if (!visible.has(e)) p.client.view.remove(e);
      for (const e of visible) if (!p.seen.has(e)) p.client.view.add(e);
      p.seen = visible;
    }
    tickTimes.push(performance.now() - started);
    if (tickTimes.length > 1 && tickTimes[tickTimes.length - 2] > TICK_MS) overruns++;
  }
}

function move(e, angle, speed) {
  const a = (angle / 4096) * 2 * Math.PI;
  e.x = Math.min(size - 1, Math.max(0, e.x + Math.round(Math.cos(a) * speed)));
  e.y = Math.min(size - 1, Math.max(0, e.y + Math.round(Math.sin(a) * speed)));
  if (e.x === 0 || e.y === 0 || e.x === size - 1 || e.y === size - 1) e.facing = (e.facing + 2048) % 4096;
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 1000) / 1000;
}

// Tick timings come from a server of their own: every route of the game server's belongs to Colyseus.
const stats = http.createServer((req, res) => {
  if (req.url?.startsWith("/stats")) {
    const body = JSON.stringify({ ticks: tickTimes.length, tickP50Ms: percentile(tickTimes, 50), tickP99Ms: percentile(tickTimes, 99), overruns, clients });
    if (req.url.includes("reset=1")) { tickTimes.length = 0; overruns = 0; }
    res.writeHead(200, { "content-type": "application/json" }).end(body);
    return;
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => stats.listen(0, "127.0.0.1", resolve));

const server = http.createServer();

const gameServer = new Server({ transport: new WebSocketTransport({ server, perMessageDeflate: false }), greet: false });
gameServer.define("zone", Zone).filterBy(["zone"]);
await gameServer.listen(port, "127.0.0.1");
process.stdout.write(JSON.stringify({ port: server.address().port, statsPort: stats.address().port, pid: process.pid }) + "\n");
