// The load generator of `loom bench chat`: one scenario and one measurement, run against either Worldloom's chat
// WebSocket (`ws`, docs/chat-protocol.md) or the Socket.IO peer (`socket.io-client`), so the two servers differ only in
// the client library each one needs. `loom bench chat` starts this once per server and reads the last stdout line
// (one JSON object); progress goes to stderr.
//
// Phases, in this order:
//   1. idle: --idle connections, each authenticated (ours) and subscribed to a room; the server's resident set
//      (/proc/<pid>/status VmRSS) before and after, over the connections, is the memory per idle connection. They are
//      closed again before the next phase, so they receive nothing from it.
//   2. max: --clients connections, client i in room i % rooms; each keeps --window sends outstanding (a new send as
//      soon as one is acked) for --warmup then --seconds. Every message reaches every subscriber of its room, the
//      sender included; each receipt counts as one delivery.
//   3. half: open loop at half the deliveries per second phase 2 reached: send n is due at start + n / rate whatever
//      happened to earlier ones, and its latency runs from that due time, so the generator's own lateness counts.
// Latency is end to end within this one process: the sender's clock reading (performance.now()) is the message body,
// the receiver subtracts it from its own reading of the same clock.
"use strict";

const fs = require("node:fs");
const { performance, monitorEventLoopDelay } = require("node:perf_hooks");
const WebSocket = require("ws");
const { io } = require("socket.io-client");

const args = parseArgs(process.argv.slice(2));
const target = args.target;
if (target !== "ours" && target !== "peer") fail("--target must be ours or peer");
const baseUrl = new URL(args.url ?? fail("--url is required"));
const serverPid = args["server-pid"] ? Number(args["server-pid"]) : null;
const clientCount = int("clients", 1000);
const roomCount = int("rooms", 100);
const seconds = num("seconds", 20);
const warmup = num("warmup", 3);
const window = int("window", 4);
const idleCount = int("idle", 10000);
const connectConcurrency = int("connect-concurrency", 100);
const setup = target === "ours" ? JSON.parse(fs.readFileSync(args.setup ?? fail("--setup is required for ours"), "utf8")) : null;
const BODY_PREFIX = "bench ";

const log = (line) => process.stderr.write(`[chat-load ${target}] ${line}\n`);

// ---- measurement state ------------------------------------------------------------------------------------------

/** Growable list of doubles without boxing: a phase can record millions of latencies. */
class Samples {
  constructor() { this.data = new Float64Array(1 << 16); this.length = 0; }
  push(v) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  // Nearest rank, as LatencySummary does on the C# side: p99 is a latency that was observed.
  summary() {
    const sorted = this.data.slice(0, this.length).sort();
    const at = (p) => (sorted.length === 0 ? 0 : round3(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]));
    return { count: sorted.length, p50Ms: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), maxMs: sorted.length ? round3(sorted[sorted.length - 1]) : 0 };
  }
}

let phase = null; // { from, to, delivered, latencies, acked, received (all), expected, errors }

function newPhase() {
  return { from: Infinity, to: Infinity, delivered: 0, acked: 0, ackedInWindow: 0, received: 0, expected: 0, latencies: new Samples(), errors: {} };
}

function onReceipt(body) {
  const now = performance.now();
  if (phase === null) return;
  phase.received++;
  if (now >= phase.from && now < phase.to) phase.delivered++;
  const sent = Number(body.slice(BODY_PREFIX.length));
  if (sent >= phase.from && sent < phase.to) phase.latencies.push(now - sent);
}

function countError(code) {
  if (phase === null) return;
  phase.errors[code] = (phase.errors[code] ?? 0) + 1;
}

// ---- the two clients ----------------------------------------------------------------------------------------------

/** Worldloom: one WebSocket, `auth` → `ready`, `subscribe` → `subscribed`, then `send`/`ack` and `message` events. */
class OursClient {
  constructor(token, roomId) {
    this.token = token;
    this.roomId = roomId;
    this.pending = new Map(); // clientId -> ack callback
  }

  connect() {
    return new Promise((resolve, reject) => {
      const wsUrl = new URL("/api/chat/ws", baseUrl);
      wsUrl.protocol = baseUrl.protocol === "https:" ? "wss:" : "ws:";
      const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
      this.ws = ws;
      let settled = false;
      const settle = (error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error); else resolve();
      };
      ws.on("open", () => ws.send(JSON.stringify({ type: "auth", token: this.token })));
      ws.on("error", (e) => settle(e));
      // A refused upgrade, e.g. 429 from the server's per-address limit on anonymous requests (the upgrade carries no
      // token; auth is the first frame): connectAll waits as Retry-After says and tries again.
      ws.on("unexpected-response", (req, res) => {
        const error = new Error(`upgrade answered ${res.statusCode}`);
        if (res.statusCode === 429) error.retryAfterMs = 1000 * (Number(res.headers["retry-after"]) || 1);
        res.resume();
        ws.terminate();
        settle(error);
      });
      ws.on("close", (code) => {
        if (!settled) settle(new Error(`closed ${code} before subscribing`));
        else if (!this.closing) countError(`closed_${code}`);
        for (const done of this.pending.values()) done(false);
        this.pending.clear();
      });
      ws.on("message", (data) => {
        const frame = JSON.parse(data);
        switch (frame.type) {
          case "message":
            onReceipt(frame.message.body);
            break;
          case "ack": {
            const done = this.pending.get(frame.clientId);
            if (done) { this.pending.delete(frame.clientId); done(true); }
            break;
          }
          case "ready":
            if (!settled) ws.send(JSON.stringify({ type: "subscribe", roomId: this.roomId, ref: "s" }));
            break;
          case "subscribed":
            settle();
            break;
          case "error": {
            if (!settled) { settle(new Error(`${frame.code}: ${frame.detail}`)); break; }
            countError(frame.code);
            const done = frame.ref ? this.pending.get(frame.ref) : undefined;
            if (done) { this.pending.delete(frame.ref); done(false); }
            break;
          }
          default:
            break; // presence, typing and the like: not what is measured
        }
      });
    });
  }

  isOpen() {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(clientId, body, done) {
    if (this.ws.readyState !== WebSocket.OPEN) { done(false); return; }
    this.pending.set(clientId, done);
    this.ws.send(JSON.stringify({ type: "send", ref: clientId, roomId: this.roomId, clientId, body }));
  }

  close() {
    this.closing = true;
    this.ws.close(1000);
    return new Promise((resolve) => (this.ws.readyState === WebSocket.CLOSED ? resolve() : this.ws.once("close", resolve)));
  }
}

/** The peer: one Socket.IO connection (WebSocket transport only), `join` with an ack, `send` with an ack. */
class PeerClient {
  constructor(roomId) {
    this.roomId = roomId;
  }

  connect() {
    return new Promise((resolve, reject) => {
      const socket = io(baseUrl.origin, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 20000 });
      this.socket = socket;
      let settled = false;
      socket.on("connect_error", (e) => { if (!settled) { settled = true; reject(e); } });
      socket.on("disconnect", (reason) => { if (settled && !this.closing) countError(`disconnect_${reason}`); });
      socket.on("message", (m) => onReceipt(m.body));
      socket.on("connect", () => {
        socket.emit("join", this.roomId, (answer) => {
          if (settled) return;
          settled = true;
          if (answer && !answer.error) resolve(); else reject(new Error(`join: ${JSON.stringify(answer)}`));
        });
      });
    });
  }

  isOpen() {
    return this.socket.connected;
  }

  send(clientId, body, done) {
    if (!this.socket.connected) { done(false); return; }
    this.socket.emit("send", { roomId: this.roomId, clientId, body }, (answer) => done(!answer?.error));
  }

  close() {
    this.closing = true;
    if (!this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once("disconnect", resolve);
      this.socket.disconnect();
    });
  }
}

// Idle connection j uses the same user and room as client j % clients: the setup made those memberships only.
function makeClient(index) {
  if (target === "peer") return new PeerClient(`room-${index % roomCount}`);
  const entry = setup.clients[index % setup.clients.length];
  return new OursClient(entry.token, entry.roomId);
}

// ---- phases -------------------------------------------------------------------------------------------------------

async function connectAll(count, label) {
  const clients = new Array(count);
  const times = new Samples();
  const failures = {};
  let retries = 0;
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      for (let attempt = 0; ; attempt++) {
        const client = makeClient(i);
        const t0 = performance.now();
        try {
          await client.connect();
          times.push(performance.now() - t0);
          clients[i] = client;
        } catch (e) {
          if (e?.retryAfterMs !== undefined && attempt < 30) {
            retries++;
            await sleep(e.retryAfterMs);
            continue;
          }
          const key = String(e?.message ?? e).slice(0, 80);
          failures[key] = (failures[key] ?? 0) + 1;
        }
        break;
      }
      if (++done % 1000 === 0) log(`${label}: ${done}/${count} connected`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(connectConcurrency, count) }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const connected = clients.filter(Boolean);
  return {
    clients: connected,
    stats: { requested: count, connected: connected.length, failures, retries, seconds: round3(elapsed), perSec: round1(connected.length / elapsed), ...pick(times.summary(), "p50Ms", "p99Ms", "maxMs") },
  };
}

async function closeAll(clients) {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
}

async function idlePhase() {
  if (idleCount === 0) return null;
  const before = rssBytes();
  log(`idle: opening ${idleCount} connections (server RSS before: ${mib(before)})`);
  const { clients, stats } = await connectAll(idleCount, "idle");
  // Let the server finish what the connects left behind (handshake buffers, first GC) before reading its memory.
  await sleep(2000);
  const after = rssBytes();
  log(`idle: ${clients.length} connected; server RSS after: ${mib(after)}`);
  await closeAll(clients);
  await sleep(1000);
  return {
    ...stats,
    rssBeforeBytes: before,
    rssAfterBytes: after,
    bytesPerConnection: before !== null && after !== null && clients.length > 0 ? Math.round((after - before) / clients.length) : null,
  };
}

async function maxPhase(clients, roomSizes) {
  phase = newPhase();
  let running = true;
  let seq = 0;
  const pump = (client) => {
    while (running && client.outstanding < window) {
      client.outstanding++;
      const clientId = `m${seq++}`;
      client.send(clientId, BODY_PREFIX + performance.now().toFixed(4), (ok) => {
        client.outstanding--;
        if (ok) {
          phase.acked++;
          phase.expected += roomSizes.get(client.roomId);
          const now = performance.now();
          if (now >= phase.from && now < phase.to) phase.ackedInWindow++;
          pump(client);
        } else if (client.isOpen()) {
          // Refused (rate_limited and the like): back off a little rather than spin on the refusal.
          setTimeout(() => pump(client), 10);
        }
      });
    }
  };
  for (const client of clients) { client.outstanding = 0; pump(client); }
  await sleep(warmup * 1000);
  phase.from = performance.now();
  const cpu0 = cpuSnapshot();
  log(`max: measuring ${seconds} s (after ${warmup} s warm-up)`);
  await sleep(seconds * 1000);
  phase.to = performance.now();
  const cpu = cpuSince(cpu0);
  running = false;
  await drain(() => clients.every((c) => c.outstanding === 0) && phase.received >= phase.expected);
  const result = summarize(phase, seconds, cpu);
  result.window = window;
  result.sendsPerSec = round1(phase.ackedInWindow / seconds);
  result.fanout = phase.acked > 0 ? round3(phase.expected / phase.acked) : 0;
  phase = null;
  return result;
}

async function halfPhase(clients, roomSizes, deliveredPerSec, fanout) {
  const targetDelivered = deliveredPerSec / 2;
  const rate = Math.max(1, targetDelivered / Math.max(1, fanout)); // sends per second
  const total = Math.max(1, Math.round(rate * seconds));
  phase = newPhase();
  let sent = 0;
  let outstanding = 0;
  log(`half: ${round1(rate)} sends/s (${round1(targetDelivered)} deliveries/s) for ${seconds} s, open loop`);
  const start = performance.now() + 5;
  phase.from = start;
  phase.to = start + seconds * 1000;
  const cpu0 = cpuSnapshot();
  let lagMax = 0;
  // How late this process's event loop ran callbacks during the phase: a receipt waits that long before it is timed,
  // so latencies below it cannot be told apart from the generator's own delay.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
      while (sent < due) {
        const scheduled = start + (sent * 1000) / rate;
        lagMax = Math.max(lagMax, now - scheduled);
        const client = clients[sent % clients.length];
        outstanding++;
        client.send(`h${sent}`, BODY_PREFIX + scheduled.toFixed(4), (ok) => {
          outstanding--;
          if (ok) { phase.acked++; phase.expected += roomSizes.get(client.roomId); }
        });
        sent++;
      }
      if (sent < total) setTimeout(tick, 1); else resolve();
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await sleep(Math.max(0, phase.to - performance.now()));
  loopDelay.disable();
  const cpu = cpuSince(cpu0);
  await drain(() => outstanding === 0 && phase.received >= phase.expected);
  const result = summarize(phase, seconds, cpu);
  result.targetDeliveredPerSec = round1(targetDelivered);
  result.sendsPerSec = round1(rate);
  result.sent = sent;
  result.maxDispatchLagMs = round3(lagMax);
  result.loopDelayP50Ms = round3(loopDelay.percentile(50) / 1e6);
  result.loopDelayP99Ms = round3(loopDelay.percentile(99) / 1e6);
  phase = null;
  return result;
}

function summarize(p, secs, cpu) {
  return {
    seconds: secs,
    acked: p.acked,
    delivered: p.delivered,
    deliveredPerSec: round1(p.delivered / secs),
    // Deliveries every acked message owed (its room's subscribers) but that never arrived, once everything drained.
    lost: Math.max(0, p.expected - p.received),
    latency: p.latencies.summary(),
    errors: p.errors,
    cpu,
  };
}

// Waits for the tail (acks and deliveries in flight when sending stopped), at most 10 s.
async function drain(settled) {
  const until = performance.now() + 10000;
  while (!settled() && performance.now() < until) await sleep(20);
}

// ---- CPU and memory from /proc -------------------------------------------------------------------------------------

function rssBytes() {
  if (serverPid === null) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${serverPid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

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
    const cores = require("node:os").availableParallelism();
    machine = (cores * (now.machine.busy - s.machine.busy)) / (now.machine.total - s.machine.total);
  }
  return {
    serverCores: server === null ? null : round2(server),
    generatorCores: round2(self),
    otherCores: machine === null ? null : round2(Math.max(0, machine - self - (server ?? 0))),
  };
}

// ---- main ---------------------------------------------------------------------------------------------------------

async function main() {
  const idle = await idlePhase();

  log(`connecting ${clientCount} clients to ${roomCount} rooms`);
  const { clients, stats: connect } = await connectAll(clientCount, "clients");
  if (clients.length === 0) fail(`no client could connect: ${JSON.stringify(connect.failures)}`);
  const roomSizes = new Map();
  for (const c of clients) roomSizes.set(c.roomId, (roomSizes.get(c.roomId) ?? 0) + 1);

  const max = await maxPhase(clients, roomSizes);
  log(`max: ${max.deliveredPerSec} deliveries/s, p50 ${max.latency.p50Ms} ms, p99 ${max.latency.p99Ms} ms`);
  const half = await halfPhase(clients, roomSizes, max.deliveredPerSec, max.fanout);
  log(`half: ${half.deliveredPerSec} deliveries/s, p50 ${half.latency.p50Ms} ms, p99 ${half.latency.p99Ms} ms`);

  await closeAll(clients);
  process.stdout.write(JSON.stringify({ target, clients: clientCount, rooms: roomCount, connect, idle, max, half }) + "\n");
  process.exit(0);
}

// ---- small things -------------------------------------------------------------------------------------------------

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
  process.stderr.write(`chat-load: ${message}\n`);
  process.exit(2);
}
function pick(o, ...keys) { return Object.fromEntries(keys.map((k) => [k, o[k]])); }
function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }
function round1(v) { return Math.round(v * 10) / 10; }
function round2(v) { return Math.round(v * 100) / 100; }
function round3(v) { return Math.round(v * 1000) / 1000; }
function mib(b) { return b === null ? "unknown" : `${(b / 1048576).toFixed(1)} MiB`; }

main().catch((e) => fail(e?.stack ?? String(e)));
