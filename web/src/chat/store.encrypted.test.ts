import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { parseEnvelope } from './crypto';
import { Keyring } from './keyring';
import { FakeKeyServer, uuid } from './keyServer.fake';
import { MemoryKeyStore } from './keystore';
import { ChatSocket, type ChatMessage, type SocketLike } from './socket';
import { ChatStore } from './store';

// The message path of an encrypted room in the page's store: sending seals (and re-seals after stale_key with the
// same clientId), the socket's outbox carries the envelope, incoming bodies open or show why not, edits are sealed
// under the message's clientId, and search runs over what opened. Real WebCrypto; the server is keyServer.fake.ts
// plus a few canned REST answers, the socket a fake.

const ME = uuid();
const BOB = uuid();

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

async function until<T>(fn: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function started() {
  const server = new FakeKeyServer();
  const bob = new Keyring({ userId: BOB, http: server.http(BOB), store: new MemoryKeyStore() });
  await bob.device();
  const roomId = server.room([ME, BOB]);
  const room = { id: roomId, name: 'Vault', topic: '', kind: 'invite_only', projectId: null, ownerId: ME, createdAt: 'x', joined: true, role: 'owner', unread: 0, lastReadMessageId: null, encrypted: true, keyEpoch: 0, keyRotationNeeded: false };
  const patches: { path: string; body: { body: string } }[] = [];
  let messages: ChatMessage[] = [];
  api.setTokens({ accessToken: 'at', refreshToken: 'rt', expiresIn: 900 } as never);
  vi.stubGlobal('fetch', server.fetchAs(ME, async (url, init) => {
    if (url.endsWith('/api/chat/rooms')) return json([room]);
    if (url.includes('/messages?')) return json(messages);
    if (init?.method === 'PATCH') {
      const body = JSON.parse(String(init.body));
      patches.push({ path: url, body });
      const id = url.split('/').pop()!;
      const m = messages.find((x) => x.id === id)!;
      return json({ ...m, body: body.body, edited: true });
    }
    return json({}, 404);
  }));
  let ws!: FakeSocket;
  const socket = new ChatSocket({ url: 'ws://x', token: async () => 'at', connect: () => (ws = new FakeSocket()), setTimer: () => 0, clearTimer: () => {} });
  const store = new ChatStore(ME, socket, new MemoryKeyStore());
  store.start();
  await flush();
  ws.onopen?.({});
  ws.server({ type: 'ready', userId: ME, connectionId: 'c', expiresAt: new Date(Date.now() + 900_000).toISOString() });
  await until(() => store.getState().rooms, 'rooms');
  await store.ensureDevice();
  await store.loadLatest(roomId);
  return { store, ws: () => ws, server, bob, roomId, patches, setMessages: (m: ChatMessage[]) => (messages = m) };
}

const msg = (roomId: string, id: string, authorId: string, clientId: string, body: string): ChatMessage => ({
  id, roomId, authorId, clientId, body, replyTo: null, createdAt: 'x', edited: false, editedAt: null, deleted: false, reactions: {},
});

afterEach(() => vi.unstubAllGlobals());

describe('ChatStore in an encrypted room', () => {
  it('seals a send (the outbox holds the envelope), re-seals it under the new epoch after stale_key, and shows it opened', async () => {
    const { store, ws, server, bob, roomId } = await started();
    expect(store.getState().device?.id).toBeTruthy();

    store.send(roomId, 'the vault opens at dawn', null);
    const [p] = store.getState().pending;
    expect(p.body).toBe('the vault opens at dawn');
    const first = await until(() => ws().sent.find((f) => f.type === 'send'), 'the first send');
    const body1 = String(first.body);
    expect(body1.startsWith('e1.')).toBe(true);
    expect(body1).not.toContain('vault');
    expect(first.clientId).toBe(p.clientId);
    expect(parseEnvelope(body1)?.epoch).toBe(1);
    expect(store.socket.outbox.get(roomId, p.clientId)?.body).toBe(body1);
    expect(await bob.open(roomId, ME, p.clientId, body1)).toEqual({ ok: true, text: 'the vault opens at dawn' });

    // Bob is removed meanwhile: the server refuses the envelope as stale; the store rotates and seals again.
    server.remove(roomId, BOB);
    ws().server({ type: 'error', code: 'stale_key', detail: 'rotate', ref: first.ref });
    const second = await until(() => ws().sent.filter((f) => f.type === 'send')[1], 'the re-sealed send');
    expect(second.clientId).toBe(p.clientId);
    expect(parseEnvelope(String(second.body))?.epoch).toBe(2);
    expect(store.getState().pending[0].error).toBeNull();

    ws().server({ type: 'ack', ref: second.ref, roomId, clientId: p.clientId, messageId: '0190f000-0000-7000-8000-000000000001', createdAt: 'y', duplicate: false });
    const shown = store.getState().byRoom[roomId].messages.at(-1)!;
    expect(shown.body).toBe(second.body);
    expect(store.bodyOf(shown)).toEqual({ ok: true, text: 'the vault opens at dawn' });
    store.stop();
  });

  it('opens incoming bodies, shows why others do not open, seals edits under the message\u2019s clientId, and searches what opened', async () => {
    const { store, ws, bob, roomId, patches, setMessages } = await started();
    store.send(roomId, 'first words', null);
    await until(() => ws().sent.find((f) => f.type === 'send'), 'my send'); // makes epoch 1

    const fromBob = msg(roomId, '0190f000-0000-7000-8000-000000000002', BOB, 'cb1', await bob.seal(roomId, 'Dragon eggs hatch in spring', 'cb1'));
    const forged = msg(roomId, '0190f000-0000-7000-8000-000000000003', BOB, 'cb2', fromBob.body!); // replayed under another clientId
    const plain = msg(roomId, '0190f000-0000-7000-8000-000000000004', BOB, 'cb3', 'not sealed at all');
    for (const m of [fromBob, forged, plain]) ws().server({ type: 'message', message: m });
    await until(() => store.getState().opened && [fromBob, forged, plain].every((m) => store.bodyOf(m)), 'bodies opened');
    expect(store.bodyOf(fromBob)).toEqual({ ok: true, text: 'Dragon eggs hatch in spring' });
    expect(store.bodyOf(forged)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(store.bodyOf(plain)).toMatchObject({ ok: false, reason: 'invalid' });

    const hits = store.searchDecrypted(roomId, 'eggs SPRING');
    expect(hits.map((h) => h.message.id)).toEqual([fromBob.id]);
    expect(hits[0].highlights).toEqual([[7, 11], [21, 27]]);
    expect(store.searchDecrypted(null, 'replayed')).toEqual([]);
    expect(store.searchDecrypted(roomId, 'not sealed')).toEqual([]); // what did not open is not searched

    // My own message, as stored: edit it.
    const mine = msg(roomId, '0190f000-0000-7000-8000-000000000005', ME, 'cme', 'ignored');
    mine.body = String(ws().sent.find((f) => f.type === 'send')!.body);
    mine.clientId = String(ws().sent.find((f) => f.type === 'send')!.clientId);
    setMessages([mine]);
    expect(await store.edit(mine, 'first words, revised')).toBe(true);
    const sent = patches[0].body.body;
    expect(sent.startsWith('e1.')).toBe(true);
    expect(await bob.open(roomId, ME, mine.clientId, sent)).toEqual({ ok: true, text: 'first words, revised' });
    expect(await bob.open(roomId, ME, 'another-id', sent)).toMatchObject({ ok: false });
    const edited = store.findMessage(roomId, mine.id)!;
    expect(store.bodyOf(edited)).toEqual({ ok: true, text: 'first words, revised' });
    store.stop();
  });
});
