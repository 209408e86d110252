/**
 * The game's connection to the server (`/api/realms/ws`, docs/realms.md "Wire protocol"), behind the `RealmLink`
 * interface the rest of the client uses. `SocketRealmLink` is the WebSocket side: it authenticates, joins with a
 * character, and hands frames to and from a codec it is given (the wire codec in wire.ts/snapshot.ts backs it; the
 * link itself knows no byte layout).
 */
import type { PlayerInput, Refusal, Snapshot, Transfer, Welcome, WireError } from './types';
import type { ClientFrame } from './wire';

/** Frames the client sends: the wire codec's own type (wire.ts), the input flat, slot 0 for "no cast". */
export type { ClientFrame };

/**
 * Frames the server sends, decoded, spelt as the vectors do; the snapshot's payload already run through the snapshot
 * decoder (the codec keeps that decoder, with its baselines, for the connection).
 */
export type ServerFrame =
  | ({ type: 'welcome' } & Welcome)
  | { type: 'snapshot'; snapshot: Snapshot }
  | ({ type: 'refused' } & Refusal)
  | ({ type: 'transfer' } & Transfer)
  | { type: 'console'; text: string }
  | ({ type: 'error' } & WireError)
  | { type: 'pong'; nonce: number };

/** The `input` frame of a player input: the cast's fields flat, zeros when there is none. */
export function inputFrame(input: PlayerInput): Extract<ClientFrame, { type: 'input' }> {
  const c = input.cast;
  return { type: 'input', sequence: input.sequence, moveAngle: input.moveAngle, slot: c?.slot ?? 0, target: c?.target ?? 0, pointX: c?.point.x ?? 0, pointY: c?.point.y ?? 0 };
}

/**
 * Turns frames into binary messages and back. `decode` may keep state (the snapshot codec's baselines), so each link
 * gets a codec of its own, made fresh per connection.
 */
export interface RealmCodec {
  encode(frame: ClientFrame): Uint8Array;
  /** The frame, or null for one to drop without a word (a snapshot delta whose baseline is gone). */
  decode(message: Uint8Array): ServerFrame | null;
}

/** Why the connection ended: the WebSocket close code and reason (4001 kicked, 4401 bad token). */
export interface LinkClosed {
  code: number;
  reason: string;
}

/** Close code of a kick (the reason says why). */
export const CLOSE_KICKED = 4001;
/** Close code of a refused access token. */
export const CLOSE_BAD_TOKEN = 4401;

type Unsubscribe = () => void;

/** What the game engine needs of a connection. */
export interface RealmLink {
  /** Opens the connection, authenticates and joins the world as the character. */
  connect(characterId: string): void;
  sendInput(input: PlayerInput): void;
  sendAck(tick: number): void;
  sendConsole(line: string): void;
  sendPing(nonce: number): void;
  close(): void;
  onWelcome(handler: (welcome: Welcome) => void): Unsubscribe;
  onSnapshot(handler: (snapshot: Snapshot) => void): Unsubscribe;
  onTransfer(handler: (transfer: Transfer) => void): Unsubscribe;
  onRefused(handler: (refusal: Refusal) => void): Unsubscribe;
  onConsole(handler: (text: string) => void): Unsubscribe;
  onError(handler: (error: WireError) => void): Unsubscribe;
  onClose(handler: (closed: LinkClosed) => void): Unsubscribe;
  onPong(handler: (nonce: number) => void): Unsubscribe;
}

/** The part of a browser WebSocket the link uses, so tests can hand in a fake. */
export interface BinarySocket {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

const OPEN = 1;

/**
 * How long an ack waits for an input to ride on before it goes alone: a little over a tick, so that while the player
 * plays (an input every tick) each ack travels inside the next input, and the client sends half the frames.
 */
export const ACK_DELAY_MS = 60;

/** Listeners by event name, each a set so a handler can unsubscribe itself while being called. */
class Listeners<T> {
  private set = new Set<(value: T) => void>();
  add(handler: (value: T) => void): Unsubscribe {
    this.set.add(handler);
    return () => this.set.delete(handler);
  }
  emit(value: T): void {
    for (const h of [...this.set]) h(value);
  }
}

export interface SocketRealmLinkOptions {
  url: string;
  /** A valid access token (the API client's `accessTokenFor`), or null when signed out. */
  token: (minValidityMs: number) => Promise<string | null>;
  /** A fresh codec for each connection. */
  codec: () => RealmCodec;
  /** Opens the socket (tests pass a fake). */
  open?: (url: string) => BinarySocket;
}

/** `RealmLink` over a WebSocket. */
export class SocketRealmLink implements RealmLink {
  private socket: BinarySocket | null = null;
  private codec: RealmCodec | null = null;
  private closedByUs = false;
  private pendingAck: number | null = null;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly welcome = new Listeners<Welcome>();
  private readonly snapshot = new Listeners<Snapshot>();
  private readonly transfer = new Listeners<Transfer>();
  private readonly refused = new Listeners<Refusal>();
  private readonly consoleReply = new Listeners<string>();
  private readonly error = new Listeners<WireError>();
  private readonly closed = new Listeners<LinkClosed>();
  private readonly pong = new Listeners<number>();

  constructor(private readonly options: SocketRealmLinkOptions) {}

  connect(characterId: string): void {
    this.closeSocket();
    this.closedByUs = false;
    const open = this.options.open ?? ((url: string) => new WebSocket(url) as unknown as BinarySocket);
    const socket = open(this.options.url);
    const codec = this.options.codec();
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.codec = codec;
    socket.onopen = () => {
      void this.options.token(30_000).then(
        (token) => {
          if (this.socket !== socket) return;
          if (!token) {
            this.fail(socket, { code: CLOSE_BAD_TOKEN, reason: 'Not signed in.' });
            return;
          }
          this.sendOn(socket, { type: 'auth', accessToken: token });
          this.sendOn(socket, { type: 'join', characterId });
        },
        () => this.fail(socket, { code: 1006, reason: 'Could not get an access token.' }),
      );
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      const data = ev.data;
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
      if (!bytes) return;
      let frame: ServerFrame | null;
      try {
        frame = codec.decode(bytes);
      } catch (err) {
        this.error.emit({ code: 'bad_frame', message: err instanceof Error ? err.message : String(err) });
        return;
      }
      if (frame) this.dispatch(frame);
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closed.emit({ code: ev.code, reason: ev.reason ?? '' });
    };
    socket.onerror = () => {
      /* a close event follows */
    };
  }

  private dispatch(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome': {
        const { type: _, ...welcome } = frame;
        this.welcome.emit(welcome);
        break;
      }
      case 'snapshot':
        this.snapshot.emit(frame.snapshot);
        break;
      case 'refused':
        this.refused.emit({ sequence: frame.sequence, code: frame.code });
        break;
      case 'transfer':
        this.transfer.emit({ zoneX: frame.zoneX, zoneY: frame.zoneY });
        break;
      case 'console':
        this.consoleReply.emit(frame.text);
        break;
      case 'error':
        this.error.emit({ code: frame.code, message: frame.message });
        break;
      case 'pong':
        this.pong.emit(frame.nonce);
        break;
    }
  }

  private fail(socket: BinarySocket, closed: LinkClosed): void {
    if (this.socket !== socket) return;
    this.socket = null;
    socket.close(1000, closed.reason);
    this.closed.emit(closed);
  }

  private sendOn(socket: BinarySocket, frame: ClientFrame): void {
    if (socket.readyState !== OPEN || !this.codec) return;
    socket.send(this.codec.encode(frame));
  }

  private send(frame: ClientFrame): void {
    if (this.socket) this.sendOn(this.socket, frame);
  }

  /** Sends the input, carrying the ack that waits (if any). */
  sendInput(input: PlayerInput): void {
    const frame = inputFrame(input);
    const ack = this.takeAck();
    this.send(ack === null ? frame : { ...frame, ack });
  }

  /** Acks a snapshot with the next input, or alone after {@link ACK_DELAY_MS} when no input goes before. */
  sendAck(tick: number): void {
    this.pendingAck = tick;
    this.ackTimer ??= setTimeout(() => {
      this.ackTimer = null;
      const waiting = this.takeAck();
      if (waiting !== null) this.send({ type: 'ack', tick: waiting });
    }, ACK_DELAY_MS);
  }

  private takeAck(): number | null {
    const ack = this.pendingAck;
    this.pendingAck = null;
    if (this.ackTimer !== null) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    return ack;
  }

  sendConsole(line: string): void {
    this.send({ type: 'console', line });
  }

  sendPing(nonce: number): void {
    this.send({ type: 'ping', nonce });
  }

  /** Whether we closed it (a page leaving), as opposed to the server or the network. */
  get closedOnPurpose(): boolean {
    return this.closedByUs;
  }

  close(): void {
    this.closedByUs = true;
    this.closeSocket();
  }

  private closeSocket(): void {
    // An ack is about this connection's snapshots; the next connection starts afresh.
    this.takeAck();
    const s = this.socket;
    this.socket = null;
    if (s) s.close(1000, 'bye');
  }

  onWelcome(handler: (welcome: Welcome) => void): Unsubscribe {
    return this.welcome.add(handler);
  }
  onSnapshot(handler: (snapshot: Snapshot) => void): Unsubscribe {
    return this.snapshot.add(handler);
  }
  onTransfer(handler: (transfer: Transfer) => void): Unsubscribe {
    return this.transfer.add(handler);
  }
  onRefused(handler: (refusal: Refusal) => void): Unsubscribe {
    return this.refused.add(handler);
  }
  onConsole(handler: (text: string) => void): Unsubscribe {
    return this.consoleReply.add(handler);
  }
  onError(handler: (error: WireError) => void): Unsubscribe {
    return this.error.add(handler);
  }
  onClose(handler: (closed: LinkClosed) => void): Unsubscribe {
    return this.closed.add(handler);
  }
  onPong(handler: (nonce: number) => void): Unsubscribe {
    return this.pong.add(handler);
  }
}

/** The socket's address on the page's own host. */
export function realmSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/api/realms/ws`;
}
