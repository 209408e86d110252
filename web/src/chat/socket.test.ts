import { describe, expect, it } from 'vitest';
import { ChatSocket, Outbox, ResumePoints, TypingTracker, backoffMs, mergeMessages, type ChatMessage, type ChatSocketEvent, type SocketLike } from './socket';

const msg = (id: string, body = id): ChatMessage => ({
  id, roomId: 'r1', authorId: 'u1', clientId: `c${id}`, body, replyTo: null, createdAt: '2026-01-01T00:00:00Z',
  edited: false, editedAt: null, deleted: false, reactions: {},
});

class FakeSocket implements SocketLike {
  sent: Record<string, unknown>[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  send(data: string) { this.sent.push(JSON.parse(data)); }
  close() { this.closed = true; }
  server(frame: object) { this.onmessage?.({ data: JSON.stringify(frame) }); }
  drop(code = 1006) { this.onclose?.({ code }); }
  of(type: string) { return this.sent.filter((f) => f.type === type); }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const events: ChatSocketEvent[] = [];
  let token = 't1';
  const s = new ChatSocket({
    url: 'ws://x/api/chat/ws',
    token: async () => token,
    connect: () => { const f = new FakeSocket(); sockets.push(f); return f; },
    now: () => 1_000,
    random: () => 0,
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return timers.length; },
    clearTimer: () => {},
  });
  s.on((e) => events.push(e));
  const flush = () => new Promise((r) => setTimeout(r, 0));
  const connect = async () => {
    await flush();
    const ws = sockets[sockets.length - 1];
    ws.onopen?.({});
    ws.server({ type: 'ready', userId: 'me', connectionId: 'c', expiresAt: new Date(1_000 + 900_000).toISOString() });
    return ws;
  };
  return { s, sockets, timers, events, connect, flush, setToken: (t: string) => (token = t) };
}

describe('mergeMessages', () => {
  it('orders by id, dedupes, and lets the later copy win', () => {
    const a = [msg('0190a'), msg('0190c')];
    const merged = mergeMessages(a, [msg('0190b'), { ...msg('0190a', 'edited'), edited: true }, msg('0190c')]);
    expect(merged.map((m) => m.id)).toEqual(['0190a', '0190b', '0190c']);
    expect(merged[0].body).toBe('edited');
  });
  it('compares ids case-insensitively', () => {
    expect(mergeMessages([msg('0190A')], [msg('0190a')])).toHaveLength(1);
  });
});

describe('Outbox and ResumePoints', () => {
  it('settles a send once', () => {
    const o = new Outbox();
    o.add({ roomId: 'r', clientId: 'c1', body: 'hi', replyTo: null, notBefore: 0 });
    expect(o.settle('r', 'c1')?.body).toBe('hi');
    expect(o.settle('r', 'c1')).toBeUndefined();
    expect(o.size).toBe(0);
  });
  it('only moves resume points forward and only for followed rooms', () => {
    const r = new ResumePoints();
    r.seen('r1', '0190b');
    expect(r.has('r1')).toBe(false);
    r.want('r1', '0190b');
    r.seen('r1', '0190a');
    expect(r.after('r1')).toBe('0190b');
    r.seen('r1', '0190c');
    expect(r.after('r1')).toBe('0190c');
  });
});

describe('TypingTracker', () => {
  it('expires after five seconds unless repeated', () => {
    const t = new TypingTracker();
    t.note('r', 'u', 0);
    expect(t.active('r', 4_999)).toEqual(['u']);
    t.note('r', 'u', 4_000);
    expect(t.active('r', 8_999)).toEqual(['u']);
    expect(t.active('r', 9_000)).toEqual([]);
  });
});

describe('backoffMs', () => {
  it('doubles and caps', () => {
    expect(backoffMs(0, 1)).toBe(500);
    expect(backoffMs(1, 1)).toBe(1_000);
    expect(backoffMs(20, 1)).toBe(15_000);
    expect(backoffMs(0, 0)).toBe(250);
  });
});

describe('ChatSocket', () => {
  it('authenticates first, then subscribes and flushes the outbox', async () => {
    const h = harness();
    h.s.subscribe('r1');
    h.s.send('r1', 'queued while offline', null, 'c1');
    h.s.start();
    const ws = await h.connect();
    expect(ws.sent[0]).toEqual({ type: 'auth', token: 't1' });
    expect(ws.of('subscribe')).toEqual([{ type: 'subscribe', roomId: 'r1', ref: expect.any(String) }]);
    expect(ws.of('send')[0]).toMatchObject({ roomId: 'r1', clientId: 'c1', body: 'queued while offline' });
    expect(h.s.status).toBe('ready');
  });

  it('resumes after the last seen id and resends unacked sends after a reconnect', async () => {
    const h = harness();
    h.s.subscribe('r1');
    h.s.start();
    const ws1 = await h.connect();
    ws1.server({ type: 'message', message: msg('0190a') });
    h.s.send('r1', 'one', null, 'c1');
    h.s.send('r1', 'two', null, 'c2');
    const ref1 = ws1.of('send')[0].ref;
    ws1.server({ type: 'ack', ref: ref1, roomId: 'r1', clientId: 'c1', messageId: '0190b', createdAt: 'x', duplicate: false });
    ws1.server({ type: 'message', message: msg('0190b') });
    ws1.drop();
    expect(h.s.status).toBe('offline');
    h.timers[h.timers.length - 1].fn();
    const ws2 = await h.connect();
    expect(ws2.of('subscribe')[0]).toMatchObject({ roomId: 'r1', after: '0190b' });
    expect(ws2.of('send').map((f) => f.clientId)).toEqual(['c2']);
  });

  it('carries attachments in the send frame and again, unchanged, in every resend with the same clientId', async () => {
    const h = harness();
    h.s.subscribe('r1');
    h.s.start();
    const ws1 = await h.connect();
    const files = [{ fileId: 'f1', key: 'k1' }, { fileId: 'f2', key: 'k2' }];
    h.s.send('r1', 'two files', null, 'c9', files);
    h.s.send('r1', 'no files', null, 'c10');
    expect(ws1.of('send')[0]).toMatchObject({ clientId: 'c9', attachments: files });
    expect(ws1.of('send')[1]).not.toHaveProperty('attachments');
    ws1.drop();
    h.timers[h.timers.length - 1].fn();
    const ws2 = await h.connect();
    const resent = ws2.of('send').find((f) => f.clientId === 'c9')!;
    expect(resent).toMatchObject({ body: 'two files', attachments: files });
    expect(h.s.outbox.get('r1', 'c9')?.attachments).toEqual(files);
  });

  it('resumes from the subscribed point when no message came yet', async () => {
    const h = harness();
    h.s.subscribe('r1');
    h.s.start();
    const ws1 = await h.connect();
    ws1.server({ type: 'subscribed', roomId: 'r1', lastMessageId: '0190f', online: [] });
    ws1.drop();
    h.timers[h.timers.length - 1].fn();
    const ws2 = await h.connect();
    expect(ws2.of('subscribe')[0]).toMatchObject({ roomId: 'r1', after: '0190f' });
  });

  it('keeps a rate-limited send and retries it; drops a refused one with send_failed', async () => {
    const h = harness();
    h.s.start();
    const ws = await h.connect();
    h.s.send('r1', 'slow', null, 'c1');
    h.s.send('r1', 'muted', null, 'c2');
    const [f1, f2] = ws.of('send');
    ws.server({ type: 'error', code: 'rate_limited', detail: 'slow down', ref: f1.ref, retryAfterMs: 200 });
    ws.server({ type: 'error', code: 'muted', detail: 'you are muted', ref: f2.ref, retryAfterMs: 60_000 });
    expect(h.s.outbox.list().map((p) => p.clientId)).toEqual(['c1']);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'send_failed', clientId: 'c2', code: 'muted' }));
  });

  it('matches request errors by ref and forgets rooms it may not follow', async () => {
    const h = harness();
    h.s.start();
    const ws = await h.connect();
    h.s.subscribe('r9');
    const ref = ws.of('subscribe')[0].ref;
    ws.server({ type: 'error', code: 'not_member', detail: 'join first', ref });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'request_failed', code: 'not_member', request: { kind: 'subscribe', roomId: 'r9' } }));
    expect(h.s.resume.has('r9')).toBe(false);
  });

  it('re-authenticates on the open socket before expiry', async () => {
    const h = harness();
    h.s.start();
    const ws = await h.connect();
    const reauth = h.timers[h.timers.length - 1];
    expect(reauth.ms).toBe(900_000 - 60_000);
    h.setToken('t2');
    reauth.fn();
    await h.flush();
    expect(ws.of('auth').map((f) => f.token)).toEqual(['t1', 't2']);
  });
});
