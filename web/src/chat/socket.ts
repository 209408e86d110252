/**
 * Client for the chat WebSocket (docs/chat-protocol.md): authenticates with the current access token and again when
 * it is refreshed or about to expire, reconnects with backoff, resumes every subscribed room after the last message
 * it saw, keeps unacknowledged sends in an outbox and resends them after reconnecting (the server dedupes by
 * clientId), and matches answers to requests by `ref`.
 */

export interface ChatMessage {
  id: string;
  roomId: string;
  authorId: string;
  clientId: string;
  body: string | null;
  replyTo: string | null;
  createdAt: string;
  edited: boolean;
  editedAt: string | null;
  deleted: boolean;
  reactions: Record<string, number>;
  /** Files shared with the message (docs/chat.md "Sharing: attachments"); absent from servers before attachments. */
  attachments?: Attachment[];
}

/** A file as a message shows it: the whole descriptor, with `key` (keyText in plain rooms, an `e1.` envelope in E2E rooms). */
export interface Attachment {
  fileId: string;
  name: string;
  size: number;
  contentType: string | null;
  chunkSize: number;
  chunks: number;
  key: string;
}

/** What a send carries per file: the id of a complete upload of the same room, and its key. */
export interface OutgoingAttachment {
  fileId: string;
  key: string;
}

export type ErrorCode =
  | 'bad_frame' | 'unknown_type' | 'too_large' | 'invalid' | 'unauthenticated' | 'token_expired' | 'not_found'
  | 'not_member' | 'banned' | 'muted' | 'rate_limited' | 'stale_key' | 'slow_consumer' | 'internal';

export type ServerFrame =
  | { type: 'ready'; userId: string; connectionId: string; expiresAt: string }
  | { type: 'subscribed'; roomId: string; lastMessageId: string | null; online: string[]; ref?: string }
  | { type: 'unsubscribed'; roomId: string; ref?: string }
  | { type: 'ack'; ref?: string; roomId: string; clientId: string; messageId: string; createdAt: string; duplicate: boolean }
  | { type: 'pong'; ref?: string }
  | { type: 'message'; message: ChatMessage }
  | { type: 'edited'; message: ChatMessage }
  | { type: 'deleted'; roomId: string; messageId: string }
  | { type: 'reaction'; roomId: string; messageId: string; reactions: Record<string, number> }
  | { type: 'typing'; roomId: string; userId: string }
  | { type: 'presence'; roomId: string; userId: string; online: boolean }
  | { type: 'read'; roomId: string; messageId: string; unread: number }
  | { type: 'member'; roomId: string; userId: string; change: string }
  | { type: 'room'; roomId: string; keyEpoch?: number }
  | { type: 'error'; code: ErrorCode | string; detail: string; ref?: string; field?: string; retryAfterMs?: number };

/** What the socket tells its listeners: server frames, plus what became of sends and the connection itself. */
export type ChatSocketEvent =
  | ServerFrame
  | { type: 'status'; status: SocketStatus }
  /** A send the server refused for good (muted, not_member, invalid…): it left the outbox. */
  | { type: 'send_failed'; roomId: string; clientId: string; code: string; detail: string; retryAfterMs?: number }
  /** An error frame answering one of our requests (other than a send), with what the request was. */
  | { type: 'request_failed'; request: RefEntry; code: string; detail: string; retryAfterMs?: number };

export type SocketStatus = 'connecting' | 'ready' | 'offline' | 'closed';

/** The part of a WebSocket this client uses, so tests can hand in a fake. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

// ---- pure bookkeeping (unit-tested) ----------------------------------------

/** Message ids are version-7 GUIDs: their text order is the room's order. */
export function compareIds(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Merges messages by id (a later copy replaces an earlier one: edits, tombstones), oldest first. */
export function mergeMessages(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const byId = new Map<string, ChatMessage>();
  for (const m of existing) byId.set(m.id.toLowerCase(), m);
  for (const m of incoming) byId.set(m.id.toLowerCase(), m);
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

export interface PendingSend {
  roomId: string;
  clientId: string;
  body: string;
  replyTo: string | null;
  /** Kept with the send so every resend (same clientId) carries the same files. */
  attachments?: OutgoingAttachment[];
  /** When a rate-limited send may be tried again (ms clock), 0 = now. */
  notBefore: number;
}

/** Sends not yet acknowledged, in the order they were made. */
export class Outbox {
  private readonly items = new Map<string, PendingSend>();

  private static key(roomId: string, clientId: string) {
    return `${roomId}/${clientId}`;
  }

  add(p: PendingSend): void {
    this.items.set(Outbox.key(p.roomId, p.clientId), p);
  }

  get(roomId: string, clientId: string): PendingSend | undefined {
    return this.items.get(Outbox.key(roomId, clientId));
  }

  /** Removes and returns the send, if it was still pending. */
  settle(roomId: string, clientId: string): PendingSend | undefined {
    const k = Outbox.key(roomId, clientId);
    const p = this.items.get(k);
    this.items.delete(k);
    return p;
  }

  list(roomId?: string): PendingSend[] {
    const all = [...this.items.values()];
    return roomId ? all.filter((p) => p.roomId === roomId) : all;
  }

  get size(): number {
    return this.items.size;
  }
}

/** Per room: subscribed or not, and the last message id seen (the `after` of the next subscribe). */
export class ResumePoints {
  private readonly rooms = new Map<string, string | null>();

  want(roomId: string, lastSeen: string | null = null): void {
    const cur = this.rooms.get(roomId);
    this.rooms.set(roomId, newest(cur ?? null, lastSeen));
  }

  drop(roomId: string): void {
    this.rooms.delete(roomId);
  }

  has(roomId: string): boolean {
    return this.rooms.has(roomId);
  }

  /** Records a message seen; only moves forward, and only for rooms we follow. */
  seen(roomId: string, messageId: string): void {
    if (!this.rooms.has(roomId)) return;
    this.rooms.set(roomId, newest(this.rooms.get(roomId) ?? null, messageId));
  }

  after(roomId: string): string | null {
    return this.rooms.get(roomId) ?? null;
  }

  entries(): [string, string | null][] {
    return [...this.rooms.entries()];
  }
}

function newest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return compareIds(a, b) >= 0 ? a : b;
}

/** "X is typing": each typing event holds for 5 seconds unless repeated. */
export class TypingTracker {
  static readonly HOLD_MS = 5_000;
  private readonly until = new Map<string, Map<string, number>>();

  note(roomId: string, userId: string, now: number): void {
    let room = this.until.get(roomId);
    if (!room) this.until.set(roomId, (room = new Map()));
    room.set(userId, now + TypingTracker.HOLD_MS);
  }

  /** Someone who sent a message has stopped typing it. */
  clear(roomId: string, userId: string): void {
    this.until.get(roomId)?.delete(userId);
  }

  active(roomId: string, now: number): string[] {
    const room = this.until.get(roomId);
    if (!room) return [];
    const out: string[] = [];
    for (const [user, until] of room) {
      if (until > now) out.push(user);
      else room.delete(user);
    }
    return out;
  }
}

/** Delay before reconnect attempt `attempt` (0-based): doubling from 500 ms up to 15 s, with jitter in [0.5, 1). */
export function backoffMs(attempt: number, jitter: number): number {
  const base = Math.min(15_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.5 + jitter / 2));
}

/** A clientId: 1–64 of [A-Za-z0-9_-], random. */
export function newClientId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return `c${s}`;
}

/** Error codes after which resending the same frame cannot succeed. */
const FINAL_SEND_ERRORS = new Set([
  'invalid', 'not_found', 'not_member', 'banned', 'muted', 'too_large', 'stale_key', 'bad_frame', 'unknown_type',
  // Envelope refusals (docs/chat-security.md): the same frame would be refused again; the store re-seals stale ones.
  'no_room_key', 'plaintext_in_encrypted_room', 'malformed_envelope', 'unknown_device', 'bad_signature', 'body_too_long',
]);

export type RefEntry =
  | { kind: 'send'; roomId: string; clientId: string }
  | { kind: 'subscribe'; roomId: string }
  | { kind: 'unsubscribe'; roomId: string }
  | { kind: 'read'; roomId: string; messageId: string }
  | { kind: 'typing'; roomId: string }
  | { kind: 'auth' }
  | { kind: 'ping' };

// ---- the client -----------------------------------------------------------

export interface ChatSocketOptions {
  url: string;
  /** An access token valid for at least `minValidityMs` (refreshing it if needed), or null when signed out. */
  token: (minValidityMs: number) => Promise<string | null>;
  connect?: (url: string) => SocketLike;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

type Listener = (ev: ChatSocketEvent) => void;

/** Re-authenticate this long before the server's `expiresAt`. */
const REAUTH_BEFORE_MS = 60_000;

export class ChatSocket {
  readonly outbox = new Outbox();
  readonly resume = new ResumePoints();
  status: SocketStatus = 'closed';
  userId: string | null = null;

  private ws: SocketLike | null = null;
  private ready = false;
  private stopped = true;
  private attempt = 0;
  private refSeq = 0;
  private readonly refs = new Map<string, RefEntry>();
  private readonly listeners = new Set<Listener>();
  private reconnectTimer: unknown = null;
  private reauthTimer: unknown = null;
  private retryTimer: unknown = null;
  private readonly opts: Required<ChatSocketOptions>;

  constructor(opts: ChatSocketOptions) {
    this.opts = {
      connect: (url) => new WebSocket(url) as unknown as SocketLike,
      now: () => Date.now(),
      random: () => Math.random(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...opts,
    };
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    for (const t of [this.reconnectTimer, this.reauthTimer, this.retryTimer]) if (t !== null) this.opts.clearTimer(t);
    this.reconnectTimer = this.reauthTimer = this.retryTimer = null;
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
      ws.close(1000, 'bye');
    }
    this.setStatus('closed');
  }

  /** Follows a room: subscribes now if connected, and again (resuming) after every reconnect. */
  subscribe(roomId: string, lastSeen: string | null = null): void {
    const had = this.resume.has(roomId);
    this.resume.want(roomId, lastSeen);
    if (!had && this.ready) this.sendSubscribe(roomId);
  }

  unsubscribe(roomId: string): void {
    if (!this.resume.has(roomId)) return;
    this.resume.drop(roomId);
    if (this.ready) this.frame({ type: 'unsubscribe', roomId }, { kind: 'unsubscribe', roomId });
  }

  /** Queues a message; returns its clientId. It is sent now if connected, and resent after reconnects until acked. */
  send(roomId: string, body: string, replyTo: string | null = null, clientId: string = newClientId(), attachments: OutgoingAttachment[] = []): string {
    const p: PendingSend = { roomId, clientId, body, replyTo, notBefore: 0 };
    if (attachments.length) p.attachments = attachments.map(({ fileId, key }) => ({ fileId, key }));
    this.outbox.add(p);
    if (this.ready) this.sendPending(p);
    return clientId;
  }

  typing(roomId: string): void {
    if (this.ready) this.frame({ type: 'typing', roomId }, { kind: 'typing', roomId });
  }

  read(roomId: string, messageId: string): void {
    if (this.ready) this.frame({ type: 'read', roomId, messageId }, { kind: 'read', roomId, messageId });
  }

  /** Sends a fresh token on the open connection (e.g. after the REST client refreshed it). */
  reauth(token: string): void {
    if (this.ws && this.ready) this.frame({ type: 'auth', token }, { kind: 'auth' });
  }

  // ---- internals ----------------------------------------------------------

  private emit(ev: ChatSocketEvent): void {
    for (const l of [...this.listeners]) l(ev);
  }

  private setStatus(s: SocketStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.emit({ type: 'status', status: s });
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    this.setStatus('connecting');
    let token: string | null;
    try {
      token = await this.opts.token(REAUTH_BEFORE_MS * 2);
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) return;
    if (!token) {
      this.stop();
      return;
    }
    let ws: SocketLike;
    try {
      ws = this.opts.connect(this.opts.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token }));
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      let f: ServerFrame;
      try {
        f = JSON.parse(ev.data) as ServerFrame;
      } catch {
        return;
      }
      this.handle(f);
    };
    ws.onerror = () => {};
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.ready = false;
      this.refs.clear();
      if (this.reauthTimer !== null) this.opts.clearTimer(this.reauthTimer);
      this.reauthTimer = null;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setStatus('offline');
    const delay = backoffMs(this.attempt++, this.opts.random());
    this.reconnectTimer = this.opts.setTimer(() => {
      this.reconnectTimer = null;
      void this.open();
    }, delay);
  }

  private frame(body: Record<string, unknown>, entry: RefEntry): void {
    if (!this.ws) return;
    const ref = `r${++this.refSeq}`;
    this.refs.set(ref, entry);
    this.ws.send(JSON.stringify({ ...body, ref }));
  }

  private sendSubscribe(roomId: string): void {
    const after = this.resume.after(roomId);
    this.frame(after ? { type: 'subscribe', roomId, after } : { type: 'subscribe', roomId }, { kind: 'subscribe', roomId });
  }

  private sendPending(p: PendingSend): void {
    if (p.notBefore > this.opts.now()) return this.retryLater(p.notBefore - this.opts.now());
    const body: Record<string, unknown> = { type: 'send', roomId: p.roomId, clientId: p.clientId, body: p.body };
    if (p.replyTo) body.replyTo = p.replyTo;
    if (p.attachments?.length) body.attachments = p.attachments;
    this.frame(body, { kind: 'send', roomId: p.roomId, clientId: p.clientId });
  }

  private retryLater(ms: number): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = this.opts.setTimer(() => {
      this.retryTimer = null;
      if (this.ready) for (const p of this.outbox.list()) this.sendPending(p);
    }, Math.max(50, ms));
  }

  private handle(f: ServerFrame): void {
    const ref = 'ref' in f ? f.ref : undefined;
    const entry = ref ? this.refs.get(ref) : undefined;
    if (ref && f.type !== 'message') this.refs.delete(ref);

    switch (f.type) {
      case 'ready': {
        const first = !this.ready;
        this.ready = true;
        this.userId = f.userId;
        this.attempt = 0;
        this.scheduleReauth(f.expiresAt);
        if (first) {
          this.setStatus('ready');
          for (const [roomId] of this.resume.entries()) this.sendSubscribe(roomId);
          for (const p of this.outbox.list()) this.sendPending(p);
        }
        break;
      }
      case 'message':
        this.resume.seen(f.message.roomId, f.message.id);
        break;
      case 'subscribed':
        // Live events follow this point, so a reconnect resumes from here even before any message arrives.
        if (f.lastMessageId) this.resume.seen(f.roomId, f.lastMessageId);
        break;
      case 'ack':
        this.outbox.settle(f.roomId, f.clientId);
        break;
      case 'error':
        this.onError(f, entry);
        return;
    }
    this.emit(f);
  }

  private onError(f: Extract<ServerFrame, { type: 'error' }>, entry: RefEntry | undefined): void {
    if (entry?.kind === 'send') {
      const p = this.outbox.get(entry.roomId, entry.clientId);
      if (p && !FINAL_SEND_ERRORS.has(f.code)) {
        // rate_limited, internal…: keep it and try again; the server dedupes by clientId.
        p.notBefore = this.opts.now() + (f.retryAfterMs ?? 1_000);
        this.retryLater(p.notBefore - this.opts.now());
        this.emit(f);
        return;
      }
      this.outbox.settle(entry.roomId, entry.clientId);
      this.emit({ type: 'send_failed', roomId: entry.roomId, clientId: entry.clientId, code: f.code, detail: f.detail, retryAfterMs: f.retryAfterMs });
      return;
    }
    if (entry) {
      if (entry.kind === 'subscribe' && (f.code === 'not_member' || f.code === 'not_found')) this.resume.drop(entry.roomId);
      this.emit({ type: 'request_failed', request: entry, code: f.code, detail: f.detail, retryAfterMs: f.retryAfterMs });
      return;
    }
    // token_expired / unauthenticated close the socket; onclose reconnects with a fresh token.
    this.emit(f);
  }

  private scheduleReauth(expiresAt: string): void {
    if (this.reauthTimer !== null) this.opts.clearTimer(this.reauthTimer);
    const at = Date.parse(expiresAt);
    if (!Number.isFinite(at)) return;
    const ms = Math.max(1_000, at - this.opts.now() - REAUTH_BEFORE_MS);
    this.reauthTimer = this.opts.setTimer(async () => {
      this.reauthTimer = null;
      const token = await this.opts.token(REAUTH_BEFORE_MS * 2).catch(() => null);
      if (token) this.reauth(token);
    }, ms);
  }
}
