// The load generator of `loom bench realms`: bots that walk and cast, run against either Worldloom's game socket
// (`ws`, the binary frames of docs/realms.md "Wire protocol") or the Colyseus peer (`@colyseus/sdk`,
// bench/peers/colyseus-realms), so the two servers face one scenario and one measurement. `loom bench realms` starts
// this once per server and reads the last stdout line (one JSON object); progress goes to stderr.
//
// Bots connect --ramp at a time (each batch given at least a second), join their zone, then send one input a tick
// (walking; a new direction from a seeded generator every 1.5-2.5 s, every 50 ms of this process's clock as the web
// client does; --pace snapshot sends ours' on each snapshot instead) and every 8 s a cast (ours: Arcane Nova, slot 2,
// which needs no target and whose 6 s cooldown and 30 mana the Mage's 6 mana/s covers, so no cast is refused; the
// peer: its `cast` message). Ours also acks every snapshot (the payload's tick: 4 bits of version, then 32 bits, low
// bit first), as the web client does: inside its next input (`input_ack`; --acks separate sends an `ack` frame on
// each snapshot instead, as clients did before it); nothing else of a snapshot is decoded. The peer's SDK decodes its
// state patches, as a Colyseus client must.
//
// Dropped bots, refusals and errors count from the first connection on (a bot kicked while warming up is lost too).
// --steps a,b,c measures each count in turn (the CCU search): connect up to the count, --warmup s unmeasured, then
// --seconds measured; the search stops at the first step that fails (tick p99 at or over 50 ms, an overrun share over
// 1 %, a bot dropped or refused). Without --steps, one step of --bots. Tick timings come from --stats-url (GET
// ?reset=1 at the window's start, GET at its end), the same JSON for both servers.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const { performance, monitorEventLoopDelay } = require("node:perf_hooks");
const WebSocket = require("ws");

const args = parseArgs(process.argv.slice(2));
const target = args.target;
if (target !== "ours" && target !== "peer") fail("--target must be ours or peer");
const baseUrl = new URL(args.url ?? fail("--url is required"));
const statsUrl = args["stats-url"] ? new URL(args["stats-url"]) : null;
const serverPid = args["server-pid"] ? Number(args["server-pid"]) : null;
const botCount = int("bots", 1000);
const steps = args.steps ? args.steps.split(",").map((s) => Number(s)) : [botCount];
if (steps.some((s) => !Number.isInteger(s) || s <= 0)) fail("--steps must be whole numbers above 0, comma-separated");
const seconds = num("seconds", 30);
const warmup = num("warmup", 3);
const ramp = Math.max(1, int("ramp", 100));
const zoneCount = Math.max(1, int("zones", 1));
const seed = int("seed", 7);
// ours: `clock` sends each bot's input every 50 ms of this process's clock, as the web client's TickPacer does;
// `snapshot` when a snapshot arrives, which answers a burst of late snapshots with a burst of inputs (the zone
// refused them as `flood` once more than 10 waited for one tick until session 16; now they supersede each other).
const pace = args.pace ?? "clock";
if (pace !== "snapshot" && pace !== "clock") fail("--pace must be snapshot or clock");
const acks = args.acks ?? "input";
if (acks !== "input" && acks !== "separate") fail("--acks must be input or separate");
const setup = target === "ours" ? JSON.parse(fs.readFileSync(args.setup ?? fail("--setup is required for ours"), "utf8")) : null;
if (setup !== null && setup.bots.length < Math.max(...steps)) fail(`the setup file has ${setup.bots.length} bots, fewer than ${Math.max(...steps)}`);

const TICK_MS = 50;
const CAST_EVERY_TICKS = 160; // 8 s
const TICK_BUDGET_MS = 50;
const MAX_OVERRUN_SHARE = 0.01;

const log = (line) => process.stderr.write(`[realms-load ${target}] ${line}\n`);

// ---- counters ----------------------------------------------------------------------------------------------------

const totals = { bytes: 0, frames: 0, snapshots: 0, inputs: 0, casts: 0, dropped: 0, errors: {}, refusals: {}, transfers: 0 };

function count(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

// A WebSocket message's bytes on the wire as the client receives them: payload plus the server-to-client frame header
// (2 bytes up to 125, 4 up to 65,535, else 10; server frames are not masked). TCP/IP headers are left out for both.
function wireBytes(length) {
  return length + (length < 126 ? 2 : length < 65536 ? 4 : 10);
}

/** Seeded, so a run's walks are the same every time (xorshift32). */
function rng(s) {
  let x = s >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

// ---- the two bots ------------------------------------------------------------------------------------------------

/** Worldloom: `auth`, `join`, then `input` every tick, carrying the ack of the last snapshot that came since. */
class OursBot {
  constructor(index, slot) {
    this.index = index;
    this.slot = slot;
    this.sequence = 0;
    this.random = rng(seed * 7919 + index);
    this.angle = Math.floor(this.random() * 4096);
    this.turnIn = 30 + Math.floor(this.random() * 20);
    this.castIn = Math.floor(this.random() * CAST_EVERY_TICKS);
    this.pendingAck = null;
  }

  connect() {
    return new Promise((resolve, reject) => {
      const url = new URL("/api/realms/ws", baseUrl);
      url.protocol = baseUrl.protocol === "https:" ? "wss:" : "ws:";
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.binaryType = "nodebuffer";
      this.ws = ws;
      let settled = false;
      const settle = (error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error); else { this.joined = true; resolve(); }
      };
      ws.on("open", () => {
        ws.send(stringFrame(0x01, this.slot.token));
        ws.send(Buffer.concat([Buffer.from([0x02]), Buffer.from(this.slot.characterId.replaceAll("-", ""), "hex")]));
      });
      ws.on("error", (e) => settle(e));
      ws.on("unexpected-response", (req, res) => {
        res.resume();
        ws.terminate();
        settle(new Error(`upgrade answered ${res.statusCode}`));
      });
      ws.on("close", (code) => {
        if (!settled) settle(new Error(`closed ${code} before welcome`));
        else if (!this.closing) { totals.dropped++; count(totals.errors, `closed_${code}`); }
        this.joined = false;
      });
      ws.on("message", (data) => {
        totals.bytes += wireBytes(data.length);
        totals.frames++;
        switch (data[0]) {
          case 0x81:
            settle();
            break;
          case 0x82: {
            totals.snapshots++;
            if (data.length >= 6) {
              const tick = ((data[1] >>> 4) | (data[2] << 4) | (data[3] << 12) | (data[4] << 20) | ((data[5] & 0x0f) << 28)) >>> 0;
              if (acks === "input") {
                this.pendingAck = tick;
              } else {
                const ack = Buffer.allocUnsafe(5);
                ack[0] = 0x04;
                ack.writeUInt32LE(tick, 1);
                ws.send(ack);
              }
            }
            if (pace === "snapshot") this.input();
            break;
          }
          case 0x83:
            count(totals.refusals, readString(data, 5) ?? "?");
            break;
          case 0x84:
            totals.transfers++;
            break;
          case 0x86: {
            const code = readString(data, 1) ?? "?";
            if (!settled) settle(new Error(`error ${code}`)); else count(totals.errors, code);
            break;
          }
          default:
            break;
        }
      });
    });
  }

  tick() {
    if (pace === "clock") this.input();
  }

  input() {
    if (!this.joined) return;
    if (--this.turnIn <= 0) {
      this.angle = Math.floor(this.random() * 4096);
      this.turnIn = 30 + Math.floor(this.random() * 20);
    }
    const cast = --this.castIn <= 0;
    if (cast) { this.castIn = CAST_EVERY_TICKS; totals.casts++; }
    const withAck = this.pendingAck !== null;
    const frame = Buffer.alloc(withAck ? 24 : 20);
    frame[0] = withAck ? 0x07 : 0x03;
    frame.writeUInt32LE(++this.sequence, 1);
    frame.writeInt16LE(this.angle, 5);
    frame[7] = cast ? 2 : 0; // Arcane Nova: no target, no point
    if (withAck) {
      frame.writeUInt32LE(this.pendingAck, 20);
      this.pendingAck = null;
    }
    this.ws.send(frame);
    totals.inputs++;
  }

  close() {
    this.closing = true;
    this.ws?.close(1000);
  }
}

/** The peer: `joinOrCreate("zone", {zone})`, then an `input` message every tick and `cast` every 8 s. */
class PeerBot {
  constructor(index, zone) {
    this.index = index;
    this.zone = zone;
    this.random = rng(seed * 7919 + index);
    this.angle = Math.floor(this.random() * 4096);
    this.turnIn = 30 + Math.floor(this.random() * 20);
    this.castIn = Math.floor(this.random() * CAST_EVERY_TICKS);
  }

  async connect() {
    const { Client } = require("@colyseus/sdk");
    const client = new Client(baseUrl.toString().replace(/\/$/, ""));
    this.room = await client.joinOrCreate("zone", { zone: this.zone });
    const ws = this.room.connection?.transport?.ws;
    if (!ws || typeof ws.on !== "function") throw new Error("the Colyseus SDK did not use the ws package; bytes cannot be counted");
    ws.on("message", (data) => {
      totals.bytes += wireBytes(data.length ?? data.byteLength);
      totals.frames++;
    });
    this.room.onLeave((code) => {
      this.joined = false;
      if (!this.closing) { totals.dropped++; count(totals.errors, `closed_${code}`); }
    });
    this.room.onError((code, message) => count(totals.errors, `error_${code}`));
    this.joined = true;
  }

  tick() {
    if (!this.joined) return;
    if (--this.turnIn <= 0) {
      this.angle = Math.floor(this.random() * 4096);
      this.turnIn = 30 + Math.floor(this.random() * 20);
    }
    this.room.send("input", { angle: this.angle });
    totals.inputs++;
    if (--this.castIn <= 0) {
      this.castIn = CAST_EVERY_TICKS;
      this.room.send("cast", {});
      totals.casts++;
    }
  }

  close() {
    this.closing = true;
    this.room?.leave(true).catch(() => {});
  }
}

function makeBot(index) {
  return target === "ours" ? new OursBot(index, setup.bots[index]) : new PeerBot(index, index % zoneCount);
}

// ---- connecting ----------------------------------------------------------------------------------------------------

const bots = [];
const failures = {};
let connectMs = [];

async function connectUpTo(countWanted) {
  const started = performance.now();
  let connected = 0;
  while (bots.length < countWanted) {
    const batchStart = performance.now();
    const batch = [];
    for (let i = 0; i < ramp && bots.length + batch.length < countWanted; i++) batch.push(makeBot(bots.length + batch.length));
    const results = await Promise.allSettled(batch.map(async (bot) => {
      const t0 = performance.now();
      await bot.connect();
      connectMs.push(performance.now() - t0);
    }));
    results.forEach((r, i) => {
      if (r.status === "fulfilled") connected++;
      else { count(failures, String(r.reason?.message ?? r.reason).slice(0, 80)); batch[i].close(); }
    });
    bots.push(...batch);
    const elapsed = performance.now() - batchStart;
    if (bots.length < countWanted && elapsed < 1000) await sleep(1000 - elapsed);
  }
  return { seconds: round2((performance.now() - started) / 1000), connected };
}

// ---- the tick loop -------------------------------------------------------------------------------------------------

// One timer for every bot, as a game client's frame loop; each tick's lateness is recorded, since a saturated
// generator sends late and would make any server look slow.
let loopLate = [];
let nextDue = 0;
function startTicking() {
  nextDue = performance.now() + TICK_MS;
  const run = () => {
    const now = performance.now();
    loopLate.push(Math.max(0, now - nextDue));
    for (const bot of bots) bot.tick();
    nextDue += TICK_MS;
    // A generator that fell behind skips ticks rather than bunching them: a client sends one input per frame.
    while (nextDue < performance.now()) nextDue += TICK_MS;
    timer = setTimeout(run, Math.max(0, nextDue - performance.now()));
  };
  let timer = setTimeout(run, TICK_MS);
  return () => clearTimeout(timer);
}

// ---- one measured step ---------------------------------------------------------------------------------------------

async function stats(reset) {
  if (statsUrl === null) return null;
  const url = new URL(statsUrl);
  if (reset) url.searchParams.set("reset", "1");
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

async function measure(stepBots) {
  const connecting = await connectUpTo(stepBots);
  const live = () => bots.filter((b) => b.joined).length;
  log(`${live()} of ${stepBots} bots joined (${connecting.seconds} s); warming up ${warmup} s`);
  await sleep(warmup * 1000);

  await stats(true);
  const before = { ...totals };
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  loopLate = [];
  const cpu = cpuSnapshot();
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const wall = (performance.now() - t0) / 1000;
  const cores = cpuSince(cpu);
  loopDelay.disable();
  const server = await stats(false);
  const connected = live();

  const bytes = totals.bytes - before.bytes;
  const lateSorted = loopLate.slice().sort((a, b) => a - b);
  const result = {
    bots: stepBots,
    connected,
    failed: Object.values(failures).reduce((a, b) => a + b, 0),
    dropped: totals.dropped,
    connectSeconds: connecting.seconds,
    seconds: round2(wall),
    bytesPerSecPerClient: connected > 0 ? Math.round(bytes / wall / connected) : 0,
    framesPerSecPerClient: connected > 0 ? round2((totals.frames - before.frames) / wall / connected) : 0,
    snapshotsPerSecPerClient: target === "ours" && connected > 0 ? round2((totals.snapshots - before.snapshots) / wall / connected) : null,
    inputsPerSec: round1((totals.inputs - before.inputs) / wall),
    casts: totals.casts - before.casts,
    transfers: totals.transfers - before.transfers,
    refusals: { ...totals.refusals },
    errors: { ...totals.errors },
    tick: server === null ? null : {
      ticks: server.ticks, p50Ms: server.tickP50Ms, p99Ms: server.tickP99Ms, maxMs: server.tickMaxMs ?? null, overruns: server.overruns, zones: server.zones ?? null,
    },
    cpu: cores,
    generatorLoopDelayP99Ms: round2(loopDelay.percentile(99) / 1e6),
    generatorTickLateP99Ms: lateSorted.length ? round2(lateSorted[Math.min(lateSorted.length - 1, Math.ceil(0.99 * lateSorted.length) - 1)]) : 0,
  };
  // Tick p99 under the budget, few overruns, every bot in and none lost: what "holds this many" means.
  const overrunShare = result.tick && result.tick.ticks > 0 ? result.tick.overruns / result.tick.ticks : null;
  result.held = connected === stepBots && result.dropped === 0 && result.tick !== null && result.tick.p99Ms !== null
    && result.tick.p99Ms < TICK_BUDGET_MS && overrunShare !== null && overrunShare <= MAX_OVERRUN_SHARE;
  // The generator shares the machine: if its own loop is late by more than a tick, it cannot keep 20 Hz and what it
  // measured is itself.
  result.generatorSaturated = result.generatorTickLateP99Ms > TICK_MS || result.generatorLoopDelayP99Ms > TICK_MS;
  return result;
}

// ---- CPU from /proc ------------------------------------------------------------------------------------------------

const CLOCK_TICKS = 100; // USER_HZ; 100 on every Linux the bench runs on

function processTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return null;
  }
}

function machineTicks() {
  try {
    const parts = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = parts.reduce((a, b) => a + b, 0);
    return { busy: total - parts[3] - parts[4], total };
  } catch {
    return null;
  }
}

function cpuSnapshot() {
  return { at: performance.now(), self: process.cpuUsage(), server: serverPid === null ? null : processTicks(serverPid), machine: machineTicks() };
}

/** Cores kept busy since the snapshot by the server, this generator, and everything else on the machine. */
function cpuSince(s) {
  const now = cpuSnapshot();
  const wall = (now.at - s.at) / 1000;
  const self = (now.self.user - s.self.user + now.self.system - s.self.system) / 1e6 / wall;
  const server = s.server !== null && now.server !== null ? (now.server - s.server) / CLOCK_TICKS / wall : null;
  let machine = null;
  if (s.machine && now.machine && now.machine.total > s.machine.total) {
    machine = (os.availableParallelism() * (now.machine.busy - s.machine.busy)) / (now.machine.total - s.machine.total);
  }
  return {
    serverCores: server === null ? null : round2(server),
    generatorCores: round2(self),
    otherCores: machine === null ? null : round2(Math.max(0, machine - self - (server ?? 0))),
  };
}

// ---- main ---------------------------------------------------------------------------------------------------------

async function main() {
  const stop = startTicking();
  const results = [];
  for (const step of steps) {
    const r = await measure(step);
    log(`${r.bots} bots: ${r.connected} connected, ${r.dropped} dropped, tick p99 ${r.tick?.p99Ms ?? "-"} ms, ${r.bytesPerSecPerClient} B/s per client, server ${r.cpu.serverCores ?? "-"} cores, generator ${r.cpu.generatorCores} cores${r.generatorSaturated ? " (generator saturated)" : ""}`);
    results.push(r);
    if (!r.held || r.generatorSaturated) break;
  }
  stop();
  for (const bot of bots) bot.close();
  const sortedConnect = connectMs.slice().sort((a, b) => a - b);
  const connect = {
    requested: bots.length,
    failures,
    p50Ms: sortedConnect.length ? round2(sortedConnect[Math.floor(0.5 * (sortedConnect.length - 1))]) : 0,
    p99Ms: sortedConnect.length ? round2(sortedConnect[Math.min(sortedConnect.length - 1, Math.ceil(0.99 * sortedConnect.length) - 1)]) : 0,
  };
  await sleep(200);
  process.stdout.write(JSON.stringify({ target, zones: zoneCount, ramp, connect, steps: results }) + "\n");
  process.exit(0);
}

// ---- small things -------------------------------------------------------------------------------------------------

function stringFrame(type, text) {
  const bytes = Buffer.from(text, "utf8");
  const length = [];
  let n = bytes.length;
  do { let b = n & 0x7f; n >>>= 7; if (n > 0) b |= 0x80; length.push(b); } while (n > 0);
  return Buffer.concat([Buffer.from([type, ...length]), bytes]);
}

function readString(data, at) {
  let n = 0, shift = 0;
  while (at < data.length) {
    const b = data[at++];
    n |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return data.toString("utf8", at, Math.min(data.length, at + n));
    shift += 7;
    if (shift > 28) return null;
  }
  return null;
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || i + 1 >= argv.length) fail(`bad argument '${argv[i]}'`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}
function int(name, fallback) {
  const v = args[name] === undefined ? fallback : Number(args[name]);
  if (!Number.isInteger(v) || v < 0) fail(`--${name} must be a whole number`);
  return v;
}
function num(name, fallback) {
  const v = args[name] === undefined ? fallback : Number(args[name]);
  if (!Number.isFinite(v) || v < 0) fail(`--${name} must be a number`);
  return v;
}
function fail(message) {
  process.stderr.write(`realms-load: ${message}\n`);
  process.exit(2);
}
function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
function round1(v) { return Math.round(v * 10) / 10; }
function round2(v) { return Math.round(v * 100) / 100; }

main().catch((e) => fail(e?.stack ?? String(e)));
