/**
 * The chat state the pages render: rooms with unread counts, each open room's messages, pending sends, typing,
 * presence and inline errors. REST loads and changes things; the socket keeps them live. One store per signed-in
 * session (ChatProvider), so the nav's unread badge stays live on every page.
 */
import { api } from '../api/client';
import { toProblem } from '../api/problem';
import { onNames } from '../components/chat/names';
import { Keyring, isStaleKey, type Opened } from './keyring';
import { defaultKeyStore, type DeviceKeyStore, type DeviceView } from './keystore';
import { SeenDevices } from './seenDevices';
import { searchLoaded, type LocalHit } from './localSearch';
import { ChatSocket, TypingTracker, compareIds, mergeMessages, newClientId, type Attachment, type ChatMessage, type ChatSocketEvent, type SocketStatus } from './socket';
import { parseEnvelope, toBase64 } from './crypto';

export interface ChatRoom {
  id: string;
  name: string;
  topic: string;
  kind: 'public' | 'private' | 'invite_only' | string;
  projectId: string | null;
  ownerId: string;
  createdAt: string;
  joined: boolean;
  role: 'owner' | 'moderator' | 'member' | string | null;
  unread: number;
  lastReadMessageId: string | null;
  /** End-to-end encrypted (every direct conversation is). */
  encrypted?: boolean;
  keyEpoch?: number;
  keyRotationNeeded?: boolean;
  /** For a direct conversation (kind `direct`): the other person. */
  peer?: string | null;
}

export interface PendingView {
  roomId: string;
  clientId: string;
  body: string;
  replyTo: string | null;
  /** Files sent with it (shown while pending; every resend carries them with the same clientId). */
  attachments: Attachment[];
  /** Set when the server refused it for good; the composer offers retry or discard. */
  error: string | null;
  /** In an encrypted room: the envelope sent (`body` stays the plaintext, shown while it is pending). */
  sealed?: string | null;
}

/** This browser's chat device, for showing. */
export interface DeviceInfo {
  id: string;
  name: string;
  /** Base64 Ed25519 public key. */
  ed25519: string;
}

export interface RoomState {
  messages: ChatMessage[];
  /** Whether older messages may exist before the first loaded one. */
  hasMore: boolean;
  loaded: boolean;
  online: string[];
  /** The latest refusal or failure in this room, shown inline until dismissed. */
  error: string | null;
}

export interface ChatState {
  status: SocketStatus;
  userId: string | null;
  rooms: ChatRoom[] | null;
  roomsError: string | null;
  byRoom: Record<string, RoomState>;
  pending: PendingView[];
  /** roomId → user ids typing now. */
  typing: Record<string, string[]>;
  /** What encrypted bodies opened to, by `openedKey` (room, author, client id and the envelope itself). */
  opened: Record<string, Opened>;
  device: DeviceInfo | null;
  deviceError: string | null;
  /** Bumped when display names arrive, so views render them. */
  namesVersion: number;
  /** Per encrypted room: members' devices this browser has not seen before (compare safety numbers). */
  newDevices: Record<string, DeviceView[]>;
}

/** The key of an opened body: an envelope opens only for the room, author and client id it was sealed for. */
export function openedKey(m: Pick<ChatMessage, 'roomId' | 'authorId' | 'clientId'>, body: string): string {
  return `${m.roomId.toLowerCase()}|${m.authorId.toLowerCase()}|${m.clientId}|${body}`;
}

const PAGE = 50;
/** Context loaded before a message jumped to (loadAround), and how far forward it may fill. */
const AROUND_BEFORE = 25;
const AROUND_FORWARD_PAGES = 10;
const emptyRoom = (): RoomState => ({ messages: [], hasMore: true, loaded: false, online: [], error: null });

/** How this browser's device is listed to others: which browser, nothing more identifying. */
function deviceName(): string {
  const ua = typeof navigator !== 'undefined' ? navigator.userAgent : '';
  const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrom(e|ium)\//.test(ua) ? 'Chromium' : /Safari\//.test(ua) ? 'Safari' : 'browser';
  return `Web (${browser})`;
}

/** Friendly words for the protocol's error codes. */
export function describeError(code: string, detail: string, retryAfterMs?: number): string {
  const wait = retryAfterMs ? ` (try again in ${Math.ceil(retryAfterMs / 1000)} s)` : '';
  switch (code) {
    case 'rate_limited':
      return `Sending too fast — slowing down${wait}.`;
    case 'muted':
      return `You are muted in this room${wait}.`;
    case 'banned':
      return 'You are banned from this room.';
    case 'not_member':
      return 'Join the room first.';
    case 'not_found':
      return 'That room or message is gone.';
    case 'stale_key':
    case 'no_room_key':
      return 'The room\u2019s key changed; could not seal the message under the new one.';
    case 'unknown_device':
      return 'This browser\u2019s chat device is not registered (or was revoked); reload the page.';
    default:
      return detail || code;
  }
}

export class ChatStore {
  readonly socket: ChatSocket;
  private state: ChatState = {
    status: 'closed', userId: null, rooms: null, roomsError: null, byRoom: {}, pending: [], typing: {}, opened: {}, device: null, deviceError: null, namesVersion: 0, newDevices: {},
  };
  private readonly seenDevices: SeenDevices | null;
  /** End-to-end encryption: this browser's device and the room keys it holds. */
  readonly keyring: Keyring | null;
  /** Bodies being opened now (by openedKey). */
  private readonly opening = new Set<string>();
  /** Per room: sealing runs one message at a time, so messages leave in the order they were written. */
  private readonly sealChains = new Map<string, Promise<void>>();
  /** Per pending clientId: how often it was sealed again after a stale_key. */
  private readonly reseals = new Map<string, number>();
  /** Per room: timer and attempt of waiting for a key this device lacks. */
  private readonly keyWaits = new Map<string, { timer: ReturnType<typeof setTimeout>; attempt: number }>();
  private readonly lastShare = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly typingTracker = new TypingTracker();
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribers: (() => void)[] = [];
  /** Reactions this session added, so a second click removes them (the API gives counts only). */
  readonly myReactions = new Set<string>();
  /** The room the user is looking at, with its newest message visible: new messages there count as read. */
  viewing: string | null = null;

  constructor(userId: string | null, socket?: ChatSocket, keyStore?: DeviceKeyStore) {
    const proto = typeof location !== 'undefined' && location.protocol === 'https:' ? 'wss' : 'ws';
    const host = typeof location !== 'undefined' ? location.host : 'localhost';
    this.socket = socket ?? new ChatSocket({ url: `${proto}://${host}/api/chat/ws`, token: (ms) => api.accessTokenFor(ms) });
    this.state.userId = userId;
    this.keyring = userId ? new Keyring({ userId, http: api, store: keyStore ?? defaultKeyStore(), deviceName: deviceName() }) : null;
    this.seenDevices = userId ? new SeenDevices(typeof localStorage !== 'undefined' ? localStorage : null, userId) : null;
  }

  // ---- external store -----------------------------------------------------

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getState = () => this.state;

  private set(patch: Partial<ChatState>) {
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private room(roomId: string): RoomState {
    return this.state.byRoom[roomId] ?? emptyRoom();
  }

  private setRoom(roomId: string, patch: Partial<RoomState>) {
    this.set({ byRoom: { ...this.state.byRoom, [roomId]: { ...this.room(roomId), ...patch } } });
    if (patch.messages) this.openAll(roomId);
  }

  roomView(roomId: string): ChatRoom | undefined {
    return this.state.rooms?.find((r) => r.id === roomId);
  }

  private patchRoomView(roomId: string, patch: Partial<ChatRoom>) {
    const rooms = this.state.rooms;
    if (!rooms) return;
    this.set({ rooms: rooms.map((r) => (r.id === roomId ? { ...r, ...patch } : r)) });
  }

  // ---- lifecycle -----------------------------------------------------------

  start() {
    this.unsubscribers.push(this.socket.on((ev) => this.onEvent(ev)));
    this.unsubscribers.push(api.onTokens((t) => this.socket.reauth(t)));
    this.unsubscribers.push(onNames(() => this.set({ namesVersion: this.state.namesVersion + 1 })));
    this.socket.start();
    this.typingTimer = setInterval(() => this.refreshTyping(), 1_000);
    void this.loadRooms();
  }

  stop() {
    for (const u of this.unsubscribers.splice(0)) u();
    if (this.typingTimer) clearInterval(this.typingTimer);
    for (const w of this.keyWaits.values()) clearTimeout(w.timer);
    this.keyWaits.clear();
    this.socket.stop();
  }

  async loadRooms() {
    try {
      const rooms = await api.get<ChatRoom[]>('/api/chat/rooms');
      this.set({ rooms, roomsError: null });
      for (const r of rooms) if (r.encrypted && r.joined) this.keyring?.noteRoom(r.id, r.keyEpoch ?? 0, r.keyRotationNeeded ?? false);
      for (const roomId of Object.keys(this.state.byRoom)) this.openAll(roomId);
      // Follow every joined room, so unread counts stay live wherever the user is.
      for (const r of rooms) if (r.joined) this.socket.subscribe(r.id);
    } catch (err) {
      this.set({ roomsError: toProblem(err).summary });
    }
  }

  totalUnread(): number {
    return (this.state.rooms ?? []).reduce((n, r) => n + (r.joined ? r.unread : 0), 0);
  }

  // ---- messages --------------------------------------------------------------

  async loadLatest(roomId: string) {
    try {
      const page = await api.get<ChatMessage[]>(`/api/chat/rooms/${roomId}/messages?limit=${PAGE}`);
      const r = this.room(roomId);
      this.setRoom(roomId, { messages: mergeMessages(r.messages, page), hasMore: page.length === PAGE, loaded: true, error: null });
      this.socket.subscribe(roomId, page[0]?.id ?? null);
      // New members or devices may lack the current key; share it if this device holds it.
      if (this.roomView(roomId)?.encrypted) {
        this.shareKeys(roomId, true);
        void this.reviewDevices(roomId);
      }
    } catch (err) {
      this.setRoom(roomId, { loaded: true, error: toProblem(err).summary });
    }
  }

  async loadEarlier(roomId: string) {
    const r = this.room(roomId);
    const first = r.messages[0];
    if (!first) return;
    try {
      const page = await api.get<ChatMessage[]>(`/api/chat/rooms/${roomId}/messages?limit=${PAGE}&before=${first.id}`);
      const cur = this.room(roomId);
      this.setRoom(roomId, { messages: mergeMessages(cur.messages, page), hasMore: page.length === PAGE });
    } catch (err) {
      this.setRoom(roomId, { error: toProblem(err).summary });
    }
  }

  /**
   * Makes sure `target` (a search result, say) is among the room's loaded messages, with context: a page before it and
   * everything after it up to the messages already loaded, so the list has no gap — at most AROUND_FORWARD_PAGES pages
   * of 200; past that (a very old message in a busy room) the list keeps a gap after the loaded window.
   */
  async loadAround(roomId: string, target: ChatMessage): Promise<boolean> {
    if (this.findMessage(roomId, target.id)) return true;
    try {
      const before = await api.get<ChatMessage[]>(`/api/chat/rooms/${roomId}/messages?limit=${AROUND_BEFORE}&before=${target.id}`);
      const forward: ChatMessage[] = [];
      let cursor = target.id;
      for (let i = 0; i < AROUND_FORWARD_PAGES; i++) {
        const page = await api.get<ChatMessage[]>(`/api/chat/rooms/${roomId}/messages?limit=200&after=${cursor}`);
        forward.push(...page);
        const loadedFirst = this.room(roomId).messages[0];
        const last = page[page.length - 1];
        if (page.length < 200 || !last || (loadedFirst && compareIds(last.id, loadedFirst.id) >= 0)) break;
        cursor = last.id;
      }
      const cur = this.room(roomId);
      const oldFirst = cur.messages[0];
      const messages = mergeMessages(mergeMessages(cur.messages, [target]), [...before, ...forward]);
      const movedBack = !oldFirst || compareIds(messages[0].id, oldFirst.id) < 0;
      this.setRoom(roomId, { messages, hasMore: movedBack ? before.length === AROUND_BEFORE : cur.hasMore });
      return true;
    } catch (err) {
      this.setRoom(roomId, { error: toProblem(err).summary });
      return false;
    }
  }

  /**
   * Sends a message. `attachments` are complete uploads of this room with their keys already in the form the room
   * needs (keyText, or an `e1.` envelope sealed with `clientId` — which is why the caller may choose the clientId).
   */
  send(roomId: string, body: string, replyTo: string | null, attachments: Attachment[] = [], clientId: string = newClientId()) {
    if (this.roomView(roomId)?.encrypted) {
      this.set({ pending: [...this.state.pending, { roomId, clientId, body, replyTo, attachments, error: null, sealed: null }] });
      this.sealAndSend(roomId, clientId);
    } else {
      this.socket.send(roomId, body, replyTo, clientId, attachments);
      this.set({ pending: [...this.state.pending, { roomId, clientId, body, replyTo, attachments, error: null }] });
    }
    this.typingTracker.clear(roomId, this.state.userId ?? '');
  }

  retry(p: PendingView) {
    this.set({ pending: this.state.pending.map((x) => (x.clientId === p.clientId ? { ...x, error: null } : x)) });
    // The same clientId: if the first try was stored after all, the server answers with that message.
    if (this.roomView(p.roomId)?.encrypted) this.sealAndSend(p.roomId, p.clientId);
    else this.socket.send(p.roomId, p.body, p.replyTo, p.clientId, p.attachments);
  }

  discard(p: PendingView) {
    this.socket.outbox.settle(p.roomId, p.clientId);
    this.reseals.delete(p.clientId);
    this.set({ pending: this.state.pending.filter((x) => x.clientId !== p.clientId) });
  }

  private patchPending(clientId: string, patch: Partial<PendingView>) {
    this.set({ pending: this.state.pending.map((x) => (x.clientId === clientId ? { ...x, ...patch } : x)) });
  }

  /**
   * Seals a pending message under the room's current key (making the room's next epoch when it has none or must
   * rotate) and hands the envelope to the socket, whose outbox resends exactly that envelope until it is acknowledged.
   * After a stale_key refusal it runs again with the same clientId, under the new epoch.
   */
  private sealAndSend(roomId: string, clientId: string) {
    const keyring = this.keyring;
    if (!keyring) return;
    const prev = this.sealChains.get(roomId) ?? Promise.resolve();
    const next = prev.then(async () => {
      const p = this.state.pending.find((x) => x.roomId === roomId && x.clientId === clientId);
      if (!p) return;
      try {
        const sealed = await keyring.seal(roomId, p.body, clientId);
        if (!this.state.pending.some((x) => x.clientId === clientId)) return; // discarded meanwhile
        this.noteOpened({ roomId, authorId: this.state.userId ?? '', clientId }, sealed, { ok: true, text: p.body });
        this.patchPending(clientId, { sealed });
        this.socket.send(roomId, sealed, p.replyTo, clientId, p.attachments);
        this.shareKeys(roomId, false);
      } catch (err) {
        this.patchPending(clientId, { error: `Could not encrypt: ${toProblem(err).summary}` });
      }
    });
    this.sealChains.set(roomId, next);
  }

  typing(roomId: string) {
    this.socket.typing(roomId);
  }

  /** Moves the read marker to `messageId` when it is past the current one. */
  markRead(roomId: string, messageId: string) {
    const room = this.state.rooms?.find((r) => r.id === roomId);
    if (!room) return;
    if (room.lastReadMessageId && compareIds(room.lastReadMessageId, messageId) >= 0 && room.unread === 0) return;
    this.patchRoomView(roomId, { lastReadMessageId: messageId, unread: 0 });
    if (this.socket.status === 'ready') this.socket.read(roomId, messageId);
    else void api.post<ChatRoom>(`/api/chat/rooms/${roomId}/read`, { messageId }).then((r) => this.patchRoomView(roomId, { unread: r.unread }), () => {});
  }

  async edit(m: ChatMessage, body: string) {
    const keyring = this.keyring;
    if (!this.roomView(m.roomId)?.encrypted || !keyring) {
      return this.change(m.roomId, async () => this.mergeOne(await api.patch<ChatMessage>(`/api/chat/messages/${m.id}`, { body })));
    }
    // An edit is sealed like the message, under the message's own clientId; once more after a stale_key.
    return this.change(m.roomId, async () => {
      for (let attempt = 0; ; attempt++) {
        const sealed = await keyring.seal(m.roomId, body, m.clientId);
        this.noteOpened(m, sealed, { ok: true, text: body });
        try {
          this.mergeOne(await api.patch<ChatMessage>(`/api/chat/messages/${m.id}`, { body: sealed }));
          return;
        } catch (err) {
          if (attempt > 0 || !isStaleKey(err)) throw err;
          keyring.forgetEpoch(m.roomId);
        }
      }
    });
  }

  /** An earlier body of a message (its edit history) as it should be shown: opened in encrypted rooms. */
  async openRevision(m: ChatMessage, body: string): Promise<Opened> {
    if (!this.roomView(m.roomId)?.encrypted || !this.keyring) return { ok: true, text: body };
    const known = this.state.opened[openedKey(m, body)];
    if (known) return known;
    const r = await this.keyring.open(m.roomId, m.authorId, m.clientId, body);
    this.noteOpened(m, body, r);
    return r;
  }

  async remove(m: ChatMessage) {
    return this.change(m.roomId, async () => {
      await api.del(`/api/chat/messages/${m.id}`);
      this.mergeOne({ ...m, body: null, deleted: true, reactions: {} });
    });
  }

  async toggleReaction(m: ChatMessage, emoji: string) {
    const key = `${m.id}:${emoji}`;
    return this.change(m.roomId, async () => {
      if (this.myReactions.has(key)) {
        await api.del(`/api/chat/messages/${m.id}/reactions/${encodeURIComponent(emoji)}`);
        this.myReactions.delete(key);
        const reactions = { ...this.findMessage(m.roomId, m.id)?.reactions };
        if (reactions[emoji] > 1) reactions[emoji] -= 1;
        else delete reactions[emoji];
        this.mergeOne({ ...(this.findMessage(m.roomId, m.id) ?? m), reactions });
      } else {
        this.mergeOne(await api.post<ChatMessage>(`/api/chat/messages/${m.id}/reactions`, { emoji }));
        this.myReactions.add(key);
      }
    });
  }

  clearError(roomId: string) {
    this.setRoom(roomId, { error: null });
  }

  private async change(roomId: string, fn: () => Promise<void>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (err) {
      this.setRoom(roomId, { error: toProblem(err).summary });
      return false;
    }
  }

  findMessage(roomId: string, id: string): ChatMessage | undefined {
    return this.room(roomId).messages.find((m) => m.id === id);
  }

  private mergeOne(m: ChatMessage) {
    const r = this.state.byRoom[m.roomId];
    if (!r) return;
    this.setRoom(m.roomId, { messages: mergeMessages(r.messages, [m]) });
  }

  private refreshTyping() {
    const now = Date.now();
    const typing: Record<string, string[]> = {};
    let changed = false;
    for (const roomId of new Set([...Object.keys(this.state.typing), ...Object.keys(this.state.byRoom)])) {
      const users = this.typingTracker.active(roomId, now);
      if (users.length) typing[roomId] = users;
      if ((this.state.typing[roomId] ?? []).join() !== users.join()) changed = true;
    }
    if (changed) this.set({ typing });
  }

  // ---- end-to-end encryption -----------------------------------------------------

  /** Registers this browser's device on first use of chat (the page calls it); safe to call again. */
  async ensureDevice(): Promise<void> {
    if (!this.keyring) return;
    try {
      const d = await this.keyring.device();
      if (this.state.device?.id !== d.id) this.set({ device: { id: d.id, name: d.name, ed25519: toBase64(d.keys.ed25519Public) }, deviceError: null });
    } catch (err) {
      this.set({ deviceError: `This browser could not set up its encryption keys: ${toProblem(err).summary}` });
    }
  }

  private noteOpened(m: Pick<ChatMessage, 'roomId' | 'authorId' | 'clientId'>, body: string, r: Opened) {
    this.set({ opened: { ...this.state.opened, [openedKey(m, body)]: r } });
  }

  /** What a body shows: its text in plain rooms; in encrypted rooms what it opened to, or null while opening. */
  bodyOf(m: ChatMessage): Opened | null {
    if (m.body === null) return null;
    if (!this.roomView(m.roomId)?.encrypted) return { ok: true, text: m.body };
    return this.state.opened[openedKey(m, m.body)] ?? null;
  }

  /** Opens every body of the room not opened yet (or whose key had not come). */
  private openAll(roomId: string, retryNoKey = false) {
    const keyring = this.keyring;
    if (!keyring || !this.roomView(roomId)?.encrypted) return;
    for (const m of this.room(roomId).messages) {
      if (m.deleted || m.body === null) continue;
      const k = openedKey(m, m.body);
      const cur = this.state.opened[k];
      if ((cur && (cur.ok || cur.reason === 'invalid' || !retryNoKey)) || this.opening.has(k)) continue;
      this.opening.add(k);
      const body = m.body;
      void keyring.open(roomId, m.authorId, m.clientId, body).then((r) => {
        this.opening.delete(k);
        this.noteOpened(m, body, r);
        if (!r.ok && r.reason === 'no_key') this.awaitKeys(roomId);
      });
    }
  }

  /**
   * Some bodies wait for a key this device has no wrap of yet (a member's client shares it when it sees us, and tells
   * us nothing): ask for this device's wraps again, after 1, 2, 4, 8 and then every 10 seconds (for about six minutes)
   * while any body still waits for a key.
   */
  private awaitKeys(roomId: string) {
    if (this.keyWaits.has(roomId)) return;
    const schedule = (attempt: number) => {
      const timer = setTimeout(async () => {
        await this.keyring?.refreshRoomKeys(roomId, true).catch(() => 0);
        this.keyWaits.delete(roomId);
        // Keys may also have come by another fetch meanwhile: open again what now has its key, wait on for the rest.
        this.openAll(roomId, true);
        if (attempt < 40 && this.waitingForKey(roomId)) this.keyWaits.set(roomId, { timer: schedule(attempt + 1), attempt: attempt + 1 });
      }, Math.min(10_000, 1_000 * 2 ** attempt));
      return timer;
    };
    this.keyWaits.set(roomId, { timer: schedule(0), attempt: 0 });
  }

  /** Whether some body of the room waits for an epoch's key that this device still lacks. */
  private waitingForKey(roomId: string): boolean {
    return this.room(roomId).messages.some((m) => {
      const r = m.body !== null && !m.deleted ? this.state.opened[openedKey(m, m.body)] : undefined;
      if (r === undefined || r.ok || r.reason !== 'no_key') return false;
      const epoch = parseEnvelope(m.body!)?.epoch;
      return epoch !== undefined && !this.keyring?.roomKey(roomId, epoch);
    });
  }

  /** Shares the room's current key with members' devices that lack it; at most every 10 s unless `now`. */
  private shareKeys(roomId: string, now: boolean) {
    const last = this.lastShare.get(roomId) ?? 0;
    if (!this.keyring || (!now && Date.now() - last < 10_000)) return;
    this.lastShare.set(roomId, Date.now());
    void this.keyring.shareMissing(roomId).catch(() => 0);
  }

  /** A `room` event: for encrypted rooms, a new epoch or a pending rotation. */
  private async roomChanged(roomId: string) {
    try {
      const r = await api.get<ChatRoom>(`/api/chat/rooms/${roomId}`);
      // Only the key fields: this answer carries no unread count.
      this.patchRoomView(roomId, { encrypted: r.encrypted, keyEpoch: r.keyEpoch, keyRotationNeeded: r.keyRotationNeeded });
      if (!r.encrypted || !this.keyring) return;
      this.keyring.noteRoom(roomId, r.keyEpoch ?? 0, r.keyRotationNeeded ?? false);
      if (await this.keyring.refreshRoomKeys(roomId, true)) this.openAll(roomId, true);
    } catch {
      // The next send or open asks again.
    }
  }

  /** Flags members' devices this browser has not seen before (a person seen for the first time is trusted silently). */
  async reviewDevices(roomId: string) {
    if (!this.seenDevices) return;
    try {
      const fresh = this.seenDevices.review(await api.get<DeviceView[]>(`/api/chat/rooms/${roomId}/devices`));
      this.set({ newDevices: { ...this.state.newDevices, [roomId]: fresh } });
    } catch {
      // Shown next time the room opens.
    }
  }

  /** The user saw the notice about new devices in the room. */
  acknowledgeDevices(roomId: string) {
    const fresh = this.state.newDevices[roomId] ?? [];
    this.seenDevices?.acknowledge(fresh);
    const rest = Object.fromEntries(Object.entries(this.state.newDevices).map(([r, list]) => [r, list.filter((d) => !fresh.includes(d))]));
    this.set({ newDevices: rest });
  }

  /** Opens (or makes) the direct conversation with a user; returns its room. */
  async openDirect(userId: string): Promise<ChatRoom> {
    const room = await api.post<ChatRoom>('/api/chat/dms', { userId });
    await this.loadRooms();
    return room;
  }

  /**
   * Client-side search over the bodies of encrypted rooms (and DMs) that this page has loaded and opened; the
   * server cannot search those. `roomId` null searches every encrypted room. See localSearch.ts.
   */
  searchDecrypted(roomId: string | null, query: string): LocalHit[] {
    return searchLoaded(this.state, roomId, query, (m) => this.bodyOf(m));
  }

  // ---- live events -------------------------------------------------------------

  private onEvent(ev: ChatSocketEvent) {
    switch (ev.type) {
      case 'status':
        this.set({ status: ev.status, userId: this.socket.userId ?? this.state.userId });
        if (ev.status === 'ready') void this.loadRooms();
        break;
      case 'message': {
        const m = ev.message;
        const r = this.state.byRoom[m.roomId];
        const known = r?.messages.some((x) => x.id === m.id);
        if (r) this.setRoom(m.roomId, { messages: mergeMessages(r.messages, [m]) });
        if (m.authorId === this.state.userId) {
          this.set({ pending: this.state.pending.filter((p) => !(p.roomId === m.roomId && p.clientId === m.clientId)) });
        } else {
          this.typingTracker.clear(m.roomId, m.authorId);
          this.refreshTyping();
          const room = this.state.rooms?.find((x) => x.id === m.roomId);
          const past = !room?.lastReadMessageId || compareIds(m.id, room.lastReadMessageId) > 0;
          if (room && !known && past && !m.deleted) {
            if (this.viewing === m.roomId) this.markRead(m.roomId, m.id);
            else this.patchRoomView(m.roomId, { unread: room.unread + 1 });
          }
        }
        break;
      }
      case 'ack': {
        const p = this.state.pending.find((x) => x.roomId === ev.roomId && x.clientId === ev.clientId);
        if (p && this.state.byRoom[ev.roomId] && this.state.userId) {
          // Show it as sent at once; the message event (before or after) carries the same id and replaces it.
          this.mergeOne({
            id: ev.messageId, roomId: ev.roomId, authorId: this.state.userId, clientId: ev.clientId, body: p.sealed ?? p.body,
            replyTo: p.replyTo, createdAt: ev.createdAt, edited: false, editedAt: null, deleted: false, reactions: {}, attachments: p.attachments,
            ...this.findMessage(ev.roomId, ev.messageId),
          });
        }
        this.set({ pending: this.state.pending.filter((x) => !(x.roomId === ev.roomId && x.clientId === ev.clientId)) });
        this.reseals.delete(ev.clientId);
        break;
      }
      case 'room':
        void this.roomChanged(ev.roomId);
        break;
      case 'edited':
        this.mergeOne(ev.message);
        break;
      case 'deleted': {
        const m = this.findMessage(ev.roomId, ev.messageId);
        if (m) this.mergeOne({ ...m, body: null, deleted: true, reactions: {} });
        break;
      }
      case 'reaction': {
        const m = this.findMessage(ev.roomId, ev.messageId);
        if (m) this.mergeOne({ ...m, reactions: ev.reactions });
        break;
      }
      case 'typing':
        if (ev.userId !== this.state.userId) {
          this.typingTracker.note(ev.roomId, ev.userId, Date.now());
          this.refreshTyping();
        }
        break;
      case 'subscribed':
        this.setRoom(ev.roomId, { online: ev.online });
        break;
      case 'presence': {
        const online = this.room(ev.roomId).online.filter((u) => u !== ev.userId);
        this.setRoom(ev.roomId, { online: ev.online ? [...online, ev.userId] : online });
        break;
      }
      case 'read':
        this.patchRoomView(ev.roomId, { unread: ev.unread, lastReadMessageId: ev.messageId });
        break;
      case 'member':
        if (ev.userId === this.state.userId) void this.loadRooms();
        else if (ev.change === 'joined' && this.roomView(ev.roomId)?.encrypted) {
          this.shareKeys(ev.roomId, true);
          void this.reviewDevices(ev.roomId);
        }
        break;
      case 'send_failed': {
        const tries = this.reseals.get(ev.clientId) ?? 0;
        if ((ev.code === 'stale_key' || ev.code === 'no_room_key') && this.roomView(ev.roomId)?.encrypted && tries < 3) {
          // The room rotated (or must): seal the same text again under the new epoch, with the same clientId.
          this.reseals.set(ev.clientId, tries + 1);
          this.keyring?.forgetEpoch(ev.roomId);
          this.sealAndSend(ev.roomId, ev.clientId);
          break;
        }
        this.set({
          pending: this.state.pending.map((p) =>
            p.roomId === ev.roomId && p.clientId === ev.clientId ? { ...p, error: describeError(ev.code, ev.detail, ev.retryAfterMs) } : p,
          ),
        });
        break;
      }
      case 'request_failed':
        if ('roomId' in ev.request) this.setRoom(ev.request.roomId, { error: describeError(ev.code, ev.detail, ev.retryAfterMs) });
        break;
      case 'error':
        // A kept send that was rate limited, or a frame without a ref: say so in the room it concerns, if any.
        if (this.viewing) this.setRoom(this.viewing, { error: describeError(ev.code, ev.detail, ev.retryAfterMs) });
        break;
    }
  }
}
