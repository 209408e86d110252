import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { ChatSocket, type ChatMessage, type SocketLike } from './socket';
import { ChatStore } from './store';

const room = { id: 'r1', name: 'Tavern', topic: '', kind: 'public', projectId: null, ownerId: 'me', createdAt: 'x', joined: true, role: 'owner', unread: 0, lastReadMessageId: null };
const msg = (id: string, authorId: string, clientId = `c${id}`): ChatMessage => ({
  id, roomId: 'r1', authorId, clientId, body: `body ${id}`, replyTo: null, createdAt: 'x', edited: false, editedAt: null, deleted: false, reactions: {},
});

class FakeSocket implements SocketLike {
  sent: Record<string, unknown>[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  send(data: string) { this.sent.push(JSON.parse(data)); }
  close() {}
  server(frame: object) { this.onmessage?.({ data: JSON.stringify(frame) }); }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

async function started() {
  api.setTokens({ accessToken: 'at', refreshToken: 'rt', expiresIn: 900 } as never);
  vi.stubGlobal('fetch', async (url: string) => {
    const body = String(url).includes('/messages') ? [msg('0190b', 'other'), msg('0190a', 'me')] : [room];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  let ws!: FakeSocket;
  const socket = new ChatSocket({ url: 'ws://x', token: async () => 'at', connect: () => (ws = new FakeSocket()), setTimer: () => 0, clearTimer: () => {} });
  const store = new ChatStore('me', socket);
  store.start();
  await flush();
  ws.onopen?.({});
  ws.server({ type: 'ready', userId: 'me', connectionId: 'c', expiresAt: new Date(Date.now() + 900_000).toISOString() });
  await flush();
  await store.loadLatest('r1');
  return { store, ws };
}

afterEach(() => vi.unstubAllGlobals());

describe('ChatStore', () => {
  it('loads a page oldest first and counts others\u2019 new messages as unread when not looking', async () => {
    const { store, ws } = await started();
    expect(store.getState().byRoom.r1.messages.map((m) => m.id)).toEqual(['0190a', '0190b']);
    ws.server({ type: 'message', message: msg('0190c', 'other') });
    ws.server({ type: 'message', message: msg('0190d', 'me') });
    expect(store.totalUnread()).toBe(1);
    ws.server({ type: 'read', roomId: 'r1', messageId: '0190c', unread: 0 });
    expect(store.totalUnread()).toBe(0);
    store.stop();
  });

  it('shows a send as pending, then in place at its ack', async () => {
    const { store, ws } = await started();
    store.send('r1', 'hello', null);
    const [p] = store.getState().pending;
    expect(p.body).toBe('hello');
    const frame = ws.sent.find((f) => f.type === 'send')!;
    ws.server({ type: 'ack', ref: frame.ref, roomId: 'r1', clientId: p.clientId, messageId: '0190e', createdAt: 'y', duplicate: false });
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().byRoom.r1.messages.at(-1)).toMatchObject({ id: '0190e', body: 'hello', authorId: 'me' });
    store.stop();
  });

  it('keeps a refused send with the server\u2019s reason, never dropping it silently', async () => {
    const { store, ws } = await started();
    store.send('r1', 'let me speak', null);
    const frame = ws.sent.find((f) => f.type === 'send')!;
    ws.server({ type: 'error', code: 'muted', detail: 'muted', ref: frame.ref, retryAfterMs: 30_000 });
    expect(store.getState().pending[0].error).toBe('You are muted in this room (try again in 30 s).');
    store.stop();
  });

  it('keeps attachments with a pending send, its retry and the message shown at its ack', async () => {
    const { store, ws } = await started();
    const file = { fileId: 'f1', name: 'map.png', size: 10, contentType: 'image/png', chunkSize: 65536, chunks: 1, key: 'k' };
    store.send('r1', 'map.png', null, [file], 'cfile');
    const first = ws.sent.find((f) => f.type === 'send')!;
    expect(first).toMatchObject({ clientId: 'cfile', attachments: [{ fileId: 'f1', key: 'k' }] });
    ws.server({ type: 'error', code: 'invalid', detail: 'attachments[0].fileId: no such file', ref: first.ref });
    const [p] = store.getState().pending;
    expect(p).toMatchObject({ clientId: 'cfile', attachments: [file] });
    store.retry(p);
    const again = ws.sent.filter((f) => f.type === 'send').at(-1)!;
    expect(again).toMatchObject({ clientId: 'cfile', attachments: [{ fileId: 'f1', key: 'k' }] });
    ws.server({ type: 'ack', ref: again.ref, roomId: 'r1', clientId: 'cfile', messageId: '0190f', createdAt: 'y', duplicate: false });
    expect(store.getState().byRoom.r1.messages.at(-1)).toMatchObject({ id: '0190f', attachments: [file] });
    store.stop();
  });

  it('loads around a message found far back, filling forward up to the loaded ones so the list has no gap', async () => {
    const { store } = await started();
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(String(url));
      const u = String(url);
      const body = u.includes('before=01800') ? [msg('017ff', 'other')] : u.includes('after=01800') ? [msg('01801', 'other'), msg('0190a', 'me')] : [];
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    expect(await store.loadAround('r1', msg('01800', 'other'))).toBe(true);
    expect(store.getState().byRoom.r1.messages.map((m) => m.id)).toEqual(['017ff', '01800', '01801', '0190a', '0190b']);
    expect(store.getState().byRoom.r1.hasMore).toBe(false);
    expect(urls.some((u) => u.includes('limit=200&after=01800'))).toBe(true);
    urls.length = 0;
    expect(await store.loadAround('r1', msg('01801', 'other'))).toBe(true);
    expect(urls).toEqual([]);
    store.stop();
  });

  it('expires typing and shows tombstones and reactions from events', async () => {
    const { store, ws } = await started();
    ws.server({ type: 'typing', roomId: 'r1', userId: 'other' });
    expect(store.getState().typing.r1).toEqual(['other']);
    ws.server({ type: 'deleted', roomId: 'r1', messageId: '0190b' });
    ws.server({ type: 'reaction', roomId: 'r1', messageId: '0190a', reactions: { '👍': 2 } });
    const [a, b] = store.getState().byRoom.r1.messages;
    expect(b).toMatchObject({ deleted: true, body: null });
    expect(a.reactions).toEqual({ '👍': 2 });
    store.stop();
  });
});
