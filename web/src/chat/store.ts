/**
 * The chat state the pages render: rooms with unread counts, each open room's messages, pending sends, typing,
 * presence and inline errors. REST loads and changes things; the socket keeps them live. One store per signed-in
 * session (ChatProvider), so the nav's unread badge stays live on every page.
 */
import { api } from '../api/client';
import { toProblem } from '../api/problem';
import { ChatSocket, TypingTracker, compareIds, mergeMessages, newClientId, type Attachment, type ChatMessage, type ChatSocketEvent, type SocketStatus } from './socket';

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
}

const PAGE = 50;
/** Context loaded before a message jumped to (loadAround), and how far forward it may fill. */
const AROUND_BEFORE = 25;
const AROUND_FORWARD_PAGES = 10;
const emptyRoom = (): RoomState => ({ messages: [], hasMore: true, loaded: false, online: [], error: null });

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
    default:
      return detail || code;
  }
}

export class ChatStore {
  readonly socket: ChatSocket;
  private state: ChatState = { status: 'closed', userId: null, rooms: null, roomsError: null, byRoom: {}, pending: [], typing: {} };
  private readonly listeners = new Set<() => void>();
  private readonly typingTracker = new TypingTracker();
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribers: (() => void)[] = [];
  /** Reactions this session added, so a second click removes them (the API gives counts only). */
  readonly myReactions = new Set<string>();
  /** The room the user is looking at, with its newest message visible: new messages there count as read. */
  viewing: string | null = null;

  constructor(userId: string | null, socket?: ChatSocket) {
    const proto = typeof location !== 'undefined' && location.protocol === 'https:' ? 'wss' : 'ws';
    const host = typeof location !== 'undefined' ? location.host : 'localhost';
    this.socket = socket ?? new ChatSocket({ url: `${proto}://${host}/api/chat/ws`, token: (ms) => api.accessTokenFor(ms) });
    this.state.userId = userId;
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
    this.socket.start();
    this.typingTimer = setInterval(() => this.refreshTyping(), 1_000);
    void this.loadRooms();
  }

  stop() {
    for (const u of this.unsubscribers.splice(0)) u();
    if (this.typingTimer) clearInterval(this.typingTimer);
    this.socket.stop();
  }

  async loadRooms() {
    try {
      const rooms = await api.get<ChatRoom[]>('/api/chat/rooms');
      this.set({ rooms, roomsError: null });
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
    this.socket.send(roomId, body, replyTo, clientId, attachments);
    this.set({ pending: [...this.state.pending, { roomId, clientId, body, replyTo, attachments, error: null }] });
    this.typingTracker.clear(roomId, this.state.userId ?? '');
  }

  retry(p: PendingView) {
    this.set({ pending: this.state.pending.map((x) => (x.clientId === p.clientId ? { ...x, error: null } : x)) });
    // The same clientId: if the first try was stored after all, the server answers with that message.
    this.socket.send(p.roomId, p.body, p.replyTo, p.clientId, p.attachments);
  }

  discard(p: PendingView) {
    this.socket.outbox.settle(p.roomId, p.clientId);
    this.set({ pending: this.state.pending.filter((x) => x.clientId !== p.clientId) });
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
    return this.change(m.roomId, async () => this.mergeOne(await api.patch<ChatMessage>(`/api/chat/messages/${m.id}`, { body })));
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
            id: ev.messageId, roomId: ev.roomId, authorId: this.state.userId, clientId: ev.clientId, body: p.body,
            replyTo: p.replyTo, createdAt: ev.createdAt, edited: false, editedAt: null, deleted: false, reactions: {}, attachments: p.attachments,
            ...this.findMessage(ev.roomId, ev.messageId),
          });
        }
        this.set({ pending: this.state.pending.filter((x) => !(x.roomId === ev.roomId && x.clientId === ev.clientId)) });
        break;
      }
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
        break;
      case 'send_failed':
        this.set({
          pending: this.state.pending.map((p) =>
            p.roomId === ev.roomId && p.clientId === ev.clientId ? { ...p, error: describeError(ev.code, ev.detail, ev.retryAfterMs) } : p,
          ),
        });
        break;
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
