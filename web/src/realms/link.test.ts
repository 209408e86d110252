import { describe, expect, it, vi } from 'vitest';
import { own } from './fixtures';
import { ACK_DELAY_MS, CLOSE_BAD_TOKEN, SocketRealmLink, realmSocketUrl, type BinarySocket, type ClientFrame, type RealmCodec, type ServerFrame } from './link';

/** Stands in for the wire codec (not yet built): frames as JSON text, so tests can read what was sent. */
function jsonCodec(): RealmCodec & { decoded: number } {
  const c = {
    decoded: 0,
    encode: (frame: ClientFrame) => new TextEncoder().encode(JSON.stringify(frame)),
    decode: (bytes: Uint8Array) => {
      c.decoded++;
      return JSON.parse(new TextDecoder().decode(bytes)) as ServerFrame;
    },
  };
  return c;
}

class FakeSocket implements BinarySocket {
  binaryType = 'blob';
  readyState = 0;
  sent: ClientFrame[] = [];
  closedWith: number | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: Uint8Array) {
    this.sent.push(JSON.parse(new TextDecoder().decode(data)) as ClientFrame);
  }
  close(code?: number) {
    this.closedWith = code ?? 1000;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: ServerFrame) {
    this.onmessage?.({ data: new TextEncoder().encode(JSON.stringify(frame)).buffer });
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(token: string | null = 'tok') {
  const sockets: FakeSocket[] = [];
  const codecs: ReturnType<typeof jsonCodec>[] = [];
  const link = new SocketRealmLink({
    url: 'ws://host/api/realms/ws',
    token: async () => token,
    codec: () => {
      const c = jsonCodec();
      codecs.push(c);
      return c;
    },
    open: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
  });
  return { link, sockets, codecs };
}

describe('SocketRealmLink', () => {
  it('authenticates, joins, then sends inputs, acks and console lines through the codec', async () => {
    const { link, sockets } = setup();
    link.connect('c-1');
    const s = sockets[0];
    expect(s.url).toBe('ws://host/api/realms/ws');
    expect(s.binaryType).toBe('arraybuffer');
    link.sendInput({ sequence: 1, moveAngle: 0, cast: null });
    expect(s.sent).toEqual([]);
    s.open();
    await flush();
    link.sendInput({ sequence: 1, moveAngle: 512, cast: { slot: 1, target: 7, point: { x: 1, y: 2 } } });
    link.sendAck(40);
    link.sendInput({ sequence: 2, moveAngle: -1, cast: null });
    link.sendConsole('/spawn wolf 3');
    link.sendPing(7);
    expect(s.sent).toEqual([
      { type: 'auth', accessToken: 'tok' },
      { type: 'join', characterId: 'c-1' },
      { type: 'input', sequence: 1, moveAngle: 512, slot: 1, target: 7, pointX: 1, pointY: 2 },
      { type: 'input', sequence: 2, moveAngle: -1, slot: 0, target: 0, pointX: 0, pointY: 0, ack: 40 },
      { type: 'console', line: '/spawn wolf 3' },
      { type: 'ping', nonce: 7 },
    ]);
  });

  it('an ack rides on the next input, goes alone when none follows within a tick, and carries only the newest', async () => {
    vi.useFakeTimers();
    try {
      const { link, sockets } = setup();
      link.connect('c-1');
      const s = sockets[0];
      s.open();
      await vi.advanceTimersByTimeAsync(0);
      s.sent.length = 0;

      link.sendAck(7);
      link.sendAck(8);
      link.sendInput({ sequence: 1, moveAngle: 0, cast: null });
      link.sendInput({ sequence: 2, moveAngle: 0, cast: null });
      expect(s.sent).toEqual([
        { type: 'input', sequence: 1, moveAngle: 0, slot: 0, target: 0, pointX: 0, pointY: 0, ack: 8 },
        { type: 'input', sequence: 2, moveAngle: 0, slot: 0, target: 0, pointX: 0, pointY: 0 },
      ]);
      await vi.advanceTimersByTimeAsync(ACK_DELAY_MS * 2);
      expect(s.sent).toHaveLength(2);

      // No input (the player stands still, or the input window is full): the ack goes alone, once.
      link.sendAck(9);
      await vi.advanceTimersByTimeAsync(ACK_DELAY_MS - 1);
      expect(s.sent).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(s.sent.slice(2)).toEqual([{ type: 'ack', tick: 9 }]);
      await vi.advanceTimersByTimeAsync(ACK_DELAY_MS * 2);
      expect(s.sent).toHaveLength(3);

      // An ack pending when the link reconnects belongs to the old connection's snapshots: dropped.
      link.sendAck(10);
      link.connect('c-1');
      sockets[1].open();
      await vi.advanceTimersByTimeAsync(ACK_DELAY_MS * 2);
      expect(sockets[1].sent.map((f) => f.type)).toEqual(['auth', 'join']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands each server frame to its listeners, and a frame the codec rejects to the error listeners', () => {
    const { link, sockets } = setup();
    const seen: string[] = [];
    link.onWelcome((w) => seen.push(`welcome ${w.entityId}`));
    link.onSnapshot((sn) => seen.push(`snapshot ${sn.tick}`));
    link.onTransfer((t) => seen.push(`transfer ${t.zoneX},${t.zoneY}`));
    link.onRefused((r) => seen.push(`refused ${r.sequence} ${r.code}`));
    link.onConsole((text) => seen.push(`console ${text}`));
    link.onPong((n) => seen.push(`pong ${n}`));
    const off = link.onError((e) => seen.push(`error ${e.code}`));
    link.connect('c-1');
    const s = sockets[0];
    s.open();
    const welcomes: unknown[] = [];
    link.onWelcome((w) => welcomes.push(w));
    s.receive({ type: 'welcome', entityId: 3, realmId: 'r', zoneX: 0, zoneY: 1, tick: 10, ticksPerSecond: 20 });
    s.receive({ type: 'snapshot', snapshot: { tick: 11, baselineTick: null, own: own(), entities: [], left: [], events: [] } });
    s.receive({ type: 'refused', sequence: 4, code: 'cooldown' });
    s.receive({ type: 'transfer', zoneX: 1, zoneY: 1 });
    s.receive({ type: 'console', text: 'spawned 3' });
    s.receive({ type: 'pong', nonce: 1 });
    s.receive({ type: 'error', code: 'bad_frame', message: 'x' });
    s.onmessage?.({ data: new Uint8Array([1, 2, 3]).buffer });
    off();
    s.receive({ type: 'error', code: 'late', message: 'x' });
    expect(welcomes).toEqual([{ entityId: 3, realmId: 'r', zoneX: 0, zoneY: 1, tick: 10, ticksPerSecond: 20 }]);
    expect(seen).toEqual(['welcome 3', 'snapshot 11', 'refused 4 cooldown', 'transfer 1,1', 'console spawned 3', 'pong 1', 'error bad_frame', 'error bad_frame']);
  });

  it('reports the close code and reason (a kick), and uses a fresh codec per connection', () => {
    const { link, sockets, codecs } = setup();
    const closes: string[] = [];
    link.onClose((c) => closes.push(`${c.code} ${c.reason}`));
    link.connect('c-1');
    sockets[0].onclose?.({ code: 4001, reason: 'too many refused inputs' });
    expect(closes).toEqual(['4001 too many refused inputs']);
    link.connect('c-1');
    expect(codecs.length).toBe(2);
    expect(link.closedOnPurpose).toBe(false);
    link.close();
    expect(sockets[1].closedWith).toBe(1000);
    expect(link.closedOnPurpose).toBe(true);
    // The old socket's late events are ignored.
    sockets[1].onclose?.({ code: 1000, reason: '' });
    expect(closes.length).toBe(1);
  });

  it('gives up without a token, as the server would with a bad one', async () => {
    const { link, sockets } = setup(null);
    const closes: number[] = [];
    link.onClose((c) => closes.push(c.code));
    link.connect('c-1');
    sockets[0].open();
    await flush();
    expect(sockets[0].sent).toEqual([]);
    expect(closes).toEqual([CLOSE_BAD_TOKEN]);
  });
});

describe('realmSocketUrl', () => {
  it('follows the page scheme', () => {
    expect(realmSocketUrl({ protocol: 'https:', host: 'a.example:8443' })).toBe('wss://a.example:8443/api/realms/ws');
    expect(realmSocketUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/api/realms/ws');
  });
});
