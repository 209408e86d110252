/**
 * The client's engine: joins the modules to a `RealmLink`. It keeps the zone's map, feeds snapshots to the
 * interpolation buffer, the prediction and the floating numbers, acknowledges every snapshot, sends one input per
 * tick, and answers "what is on screen now" for the renderer. No DOM and no timers of its own: the page calls
 * `update` and `view` from its animation loop with the time, so tests drive it with a clock of their own.
 */
import { InputController, TickPacer } from './input';
import { InterpolationBuffer, TickClock, type InterpolationOptions, type ShownEntity } from './interpolation';
import { CLOSE_BAD_TOKEN, CLOSE_KICKED, type LinkClosed, type RealmLink } from './link';
import { Predictor } from './prediction';
import { CountdownSpans, FloatingNumbers } from './render';
import type { ZoneLayers } from './terrain';
import { EntityActivity, EntityKind, MAGE, STOP, TICKS_PER_SECOND, type ClassRules, type EntityState, type OwnState, type PlayerInput, type Snapshot, type Welcome } from './types';

export type GameStatus = 'idle' | 'connecting' | 'playing' | 'closed';

export interface LogLine {
  kind: 'reply' | 'command' | 'refused' | 'error' | 'info';
  text: string;
}

export interface GameOptions {
  link: RealmLink;
  /** Fetches a zone's map (`GET /api/realms/{id}/zones/{x}/{y}/map`, decoded). */
  loadZone: (x: number, y: number) => Promise<ZoneLayers>;
  rules?: ClassRules;
  interpolation?: InterpolationOptions;
  /** Console and refusal lines kept. */
  logSize?: number;
  /** The clock the page's frames use (requestAnimationFrame's timestamps are `performance.now()`). */
  now?: () => number;
}

/** What the renderer draws this frame. */
export interface GameView {
  zone: { x: number; y: number } | null;
  layers: ZoneLayers | null;
  entities: ShownEntity[];
  self: ShownEntity | null;
  own: OwnState | null;
}

/**
 * Most inputs sent and not yet applied: under the simulation's queue of 10 (`antiCheat.maxQueuedInputs` in
 * realm.json), so a slow server delays the character instead of refusing its inputs.
 */
const MAX_IN_FLIGHT = 8;

/** How often the round-trip time is measured. */
const PING_MS = 2000;

const EMPTY_MAP = { width: 0, height: 0, cost: new Uint8Array(0) };

export class RealmGame {
  readonly input = new InputController();
  readonly spans = new CountdownSpans();
  readonly numbers = new FloatingNumbers();
  readonly rules: ClassRules;
  status: GameStatus = 'idle';
  closed: LinkClosed | null = null;
  welcome: Welcome | null = null;
  zone: { x: number; y: number } | null = null;
  layers: ZoneLayers | null = null;
  own: OwnState | null = null;
  log: LogLine[] = [];
  /** The last measured round trip to the server, in milliseconds, or null before the first pong. */
  rttMs: number | null = null;
  /** The entities of the newest snapshot (the own character included), for the target panel and Tab. */
  visible: readonly EntityState[] = [];

  private buffer: InterpolationBuffer;
  private clock = new TickClock();
  private pacer = new TickPacer();
  private predictor: Predictor;
  private selfState: EntityState | null = null;
  /** The last sequence sent before this zone: a zone's snapshots only count the inputs sent to it. */
  private zoneFirstSequence = 0;
  private lastViewMs: number | null = null;
  private lastPingMs: number | null = null;
  private pingNonce = 0;
  private pings = new Map<number, number>();
  private unsubscribe: (() => void)[] = [];
  private listeners = new Set<() => void>();
  private readonly logSize: number;
  private readonly now: () => number;

  constructor(private readonly options: GameOptions) {
    this.rules = options.rules ?? MAGE;
    this.buffer = new InterpolationBuffer(options.interpolation);
    this.predictor = new Predictor(EMPTY_MAP, this.rules.speed);
    this.logSize = options.logSize ?? 100;
    this.now = options.now ?? (() => performance.now());
  }

  /** Connects and joins as the character. */
  start(characterId: string): void {
    const { link } = this.options;
    this.stopListening();
    this.unsubscribe = [
      link.onWelcome((w) => this.onWelcome(w)),
      link.onSnapshot((s) => this.onSnapshot(s)),
      link.onTransfer((t) => this.enterZone(t.zoneX, t.zoneY)),
      link.onRefused((r) => this.write({ kind: 'refused', text: `Refused (${r.code}) input ${r.sequence}` })),
      link.onConsole((text) => this.write({ kind: 'reply', text })),
      link.onError((e) => this.write({ kind: 'error', text: `${e.code}: ${e.message}` })),
      link.onClose((c) => this.onClose(c)),
      link.onPong((nonce) => this.onPong(nonce)),
    ];
    this.status = 'connecting';
    this.closed = null;
    link.connect(characterId);
    this.changed();
  }

  stop(): void {
    this.stopListening();
    this.options.link.close();
    this.status = 'closed';
    this.changed();
  }

  /** Re-renders of the page's chrome (status, console log): called on changes, not per frame. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sendConsole(line: string): void {
    const text = line.trim();
    if (!text) return;
    this.write({ kind: 'command', text });
    this.options.link.sendConsole(text);
  }

  /**
   * Sends the inputs due by `nowMs` (one per tick) and applies them to the prediction. Nothing is sent before the
   * first snapshot: it tells the last sequence the server applied, which a resumed character continues above. A ping
   * goes out every `PING_MS` for the round-trip time the page shows.
   */
  update(nowMs: number): void {
    if (this.status !== 'playing' || !this.own) return;
    if (this.lastPingMs === null || nowMs - this.lastPingMs >= PING_MS) {
      this.lastPingMs = nowMs;
      this.pingNonce = (this.pingNonce + 1) >>> 0;
      this.pings.set(this.pingNonce, this.now());
      // An unanswered ping is forgotten after a while; only the few newest are kept.
      if (this.pings.size > 4) this.pings.delete(this.pings.keys().next().value as number);
      this.options.link.sendPing(this.pingNonce);
    }
    const due = this.pacer.due(nowMs);
    for (let i = 0; i < due && this.inFlight < this.inputWindow; i++) this.send(this.input.next());
  }

  /**
   * Inputs sent that the server has not applied yet (as its newest snapshot says). The server applies one a tick and
   * refuses inputs beyond a short queue as `flood`; a server whose ticks run a little slow (a loaded machine) would
   * otherwise see that queue fill from a client pacing itself by its own clock.
   */
  private get inFlight(): number {
    return this.input.lastSequence - Math.max(this.own?.lastSequence ?? 0, this.zoneFirstSequence);
  }

  /** How many inputs may be in flight: the round trip's worth and a few more, at most {@link MAX_IN_FLIGHT}. */
  private get inputWindow(): number {
    const ticks = this.rttMs === null ? MAX_IN_FLIGHT : Math.ceil(this.rttMs / (1000 / (this.welcome?.ticksPerSecond || TICKS_PER_SECOND))) + 3;
    return Math.min(ticks, MAX_IN_FLIGHT);
  }

  /**
   * The page lost focus or was hidden: its frames (and so its inputs) stop, and the server keeps walking a character
   * in the last direction it was given, so one "stop" goes out now.
   */
  halt(): void {
    this.input.releaseAll();
    if (this.status === 'playing' && this.own) this.send(this.input.next());
  }

  private send(input: PlayerInput): void {
    if (input.cast) input = { ...input, cast: { ...input.cast, target: this.aimed(input.cast.slot, input.cast.target) } };
    this.options.link.sendInput(input);
    this.predictor.apply(input, this.alive);
  }

  /** The picture at `nowMs`. */
  view(nowMs: number): GameView {
    const elapsed = this.lastViewMs === null ? 0 : nowMs - this.lastViewMs;
    this.lastViewMs = nowMs;
    const tick = this.clock.tickAt(nowMs);
    const selfId = this.own?.entityId ?? this.welcome?.entityId ?? 0;
    const entities = tick === null ? [] : this.buffer.sample(tick, selfId);
    const at = this.predictor.shown(elapsed);
    let self: ShownEntity | null = null;
    if (at && this.selfState) {
      const angle = this.input.moveAngle;
      self = { id: this.selfState.id, x: at.x, y: at.y, facing: angle === STOP || !this.alive ? this.selfState.facing : angle, state: this.selfState };
    }
    return { zone: this.zone, layers: this.layers, entities, self, own: this.own };
  }

  /**
   * Tab: targets the nearest living enemy in view, or the next nearest after the one targeted already, so pressing it
   * again walks through them by distance. Returns the new target (0 when no enemy is in view).
   */
  targetNext(): number {
    const at = this.predictor.position ?? this.selfState;
    if (!at) return 0;
    const enemies = this.visible
      .filter((e) => e.kind === EntityKind.Enemy && e.activity !== EntityActivity.Dead)
      .map((e) => ({ id: e.id, d: (e.x - at.x) ** 2 + (e.y - at.y) ** 2 }))
      .sort((a, b) => a.d - b.d || a.id - b.id);
    if (enemies.length === 0) return (this.input.target = 0);
    const current = enemies.findIndex((e) => e.id === this.input.target);
    this.input.target = enemies[(current + 1) % enemies.length].id;
    this.changed();
    return this.input.target;
  }

  /** The own character's position the prediction holds (integer sub-tiles). */
  get predicted() {
    return this.predictor.position;
  }

  get alive(): boolean {
    return !(this.own && this.own.respawnTicks > 0) && this.selfState?.activity !== EntityActivity.Dead;
  }

  /**
   * The target a cast takes: the picked entity only if the skill aims at its kind (Heal on a picked wolf heals
   * oneself instead of being refused as `unknown_target`), else 0 (the point, or oneself).
   */
  private aimed(slot: number, target: number): number {
    const aim = this.rules.skills[slot - 1]?.aim;
    const kind = target ? this.buffer.latest(target)?.kind : undefined;
    if (aim === 'enemy') return kind === EntityKind.Enemy ? target : 0;
    if (aim === 'ally') return kind === EntityKind.Player ? target : 0;
    return 0;
  }

  private onWelcome(w: Welcome): void {
    this.welcome = w;
    const msPerTick = 1000 / (w.ticksPerSecond || TICKS_PER_SECOND);
    this.clock = new TickClock(msPerTick);
    this.pacer = new TickPacer(msPerTick);
    this.status = 'playing';
    this.write({ kind: 'info', text: `Joined zone ${w.zoneX},${w.zoneY}` });
    this.enterZone(w.zoneX, w.zoneY);
  }

  private enterZone(x: number, y: number): void {
    this.zone = { x, y };
    this.layers = null;
    this.buffer.clear();
    this.clock.reset();
    this.numbers.clear();
    this.predictor.reset(EMPTY_MAP);
    this.selfState = null;
    this.visible = [];
    this.zoneFirstSequence = this.input.lastSequence;
    // Entity ids belong to a zone: a target picked in the old one means nothing here.
    this.input.target = 0;
    this.input.hover = null;
    this.changed();
    this.options.loadZone(x, y).then(
      (layers) => {
        if (this.zone?.x !== x || this.zone?.y !== y) return;
        this.layers = layers;
        this.predictor.useMap(layers);
        this.changed();
      },
      (err: unknown) => this.write({ kind: 'error', text: `Could not load zone ${x},${y}: ${err instanceof Error ? err.message : String(err)}` }),
    );
  }

  private onSnapshot(s: Snapshot): void {
    this.options.link.sendAck(s.tick);
    if (!this.buffer.push(s)) return;
    const now = this.now();
    this.clock.observe(s.tick, now);
    this.own = s.own;
    this.visible = s.entities;
    this.input.continueAfter(s.own.lastSequence);
    const self = s.entities.find((e) => e.id === s.own.entityId) ?? null;
    this.selfState = self;
    if (self) this.predictor.reconcile(self, s.own.lastSequence, this.alive);
    for (const id of s.left) this.input.forget(id);
    const positions = new Map(s.entities.map((e) => [e.id, { x: e.x, y: e.y }]));
    this.numbers.add(s.events, now, (id) => positions.get(id));
  }

  private onPong(nonce: number): void {
    const sent = this.pings.get(nonce);
    if (sent === undefined) return;
    this.pings.delete(nonce);
    this.rttMs = Math.round(this.now() - sent);
    this.changed();
  }

  private onClose(c: LinkClosed): void {
    this.status = 'closed';
    this.closed = c;
    const why =
      c.code === CLOSE_KICKED ? `Kicked: ${c.reason || 'no reason given'}` : c.code === CLOSE_BAD_TOKEN ? 'Not signed in (the server refused the token).' : `Disconnected (${c.code}${c.reason ? `: ${c.reason}` : ''})`;
    this.write({ kind: 'info', text: why });
  }

  private write(line: LogLine): void {
    this.log = [...this.log, line].slice(-this.logSize);
    this.changed();
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  private stopListening(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }
}
