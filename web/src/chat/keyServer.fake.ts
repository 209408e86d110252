/**
 * For tests: the key routes of the chat server (docs/chat-security.md) in memory, with the same checks that matter to
 * a client — binding and wrap signatures (real WebCrypto), epoch compare-and-set, wraps covering exactly the
 * members' devices, membership — and the same problem members (`currentEpoch`, `missingDevices`, `code`).
 */
import { ProblemError } from '../api/problem';
import { concat, fromBase64, verify, wrapContextBytes } from './crypto';
import type { ChatHttp, DeviceView } from './keystore';

interface Room {
  id: string;
  members: Set<string>;
  keyEpoch: number;
  keyRotationNeeded: boolean;
  /** `${epoch}/${deviceId}` → wrap */
  wraps: Map<string, { epoch: number; deviceId: string; senderDeviceId: string; senderUserId: string; wrapped: string }>;
}

let seq = 0;
export const uuid = () => {
  const hex = (++seq).toString(16).padStart(12, '0');
  return `0190aaaa-bbbb-7ccc-8ddd-${hex}`;
};

const conflict = (detail: string, extensions: Record<string, unknown>) => new ProblemError({ status: 409, title: 'Conflict.', detail, extensions });
const bad = (detail: string) => new ProblemError({ status: 400, title: 'Bad request.', detail });

export class FakeKeyServer {
  readonly devices: DeviceView[] = [];
  readonly rooms = new Map<string, Room>();
  readonly calls: string[] = [];

  room(members: string[]): string {
    const id = uuid();
    this.rooms.set(id, { id, members: new Set(members), keyEpoch: 0, keyRotationNeeded: false, wraps: new Map() });
    return id;
  }

  /** A member leaves: the room must rotate before the next message (RoomKeys.MemberRemovedAsync). */
  remove(roomId: string, userId: string) {
    const r = this.rooms.get(roomId)!;
    r.members.delete(userId);
    if (r.keyEpoch > 0) r.keyRotationNeeded = true;
  }

  private memberDevices(r: Room) {
    return this.devices.filter((d) => r.members.has(d.userId) && !d.revokedAt);
  }

  private async checkWraps(r: Room, epoch: number, userId: string, wraps: { deviceId: string; senderDeviceId: string; wrapped: string }[]) {
    for (const w of wraps) {
      if (!this.memberDevices(r).some((d) => d.id === w.deviceId)) throw bad(`wrap for ${w.deviceId}: not a member device`);
      const sender = this.devices.find((d) => d.id === w.senderDeviceId && d.userId === userId);
      if (!sender) throw bad('senderDeviceId must be one of your devices');
      const bytes = fromBase64(w.wrapped);
      const info = wrapContextBytes({ roomId: r.id, epoch, recipientDeviceId: w.deviceId, senderDeviceId: w.senderDeviceId });
      if (!(await verify(fromBase64(sender.ed25519), concat(info, bytes.subarray(0, 93)), bytes.subarray(93)))) throw bad('wrap signature');
    }
  }

  async handle(userId: string, method: string, path: string, body: unknown): Promise<unknown> {
    this.calls.push(`${userId} ${method} ${path}`);
    const url = new URL(path, 'http://x');
    const p = url.pathname;
    let m: RegExpMatchArray | null;
    if (method === 'POST' && p === '/api/chat/devices') {
      const b = body as { name: string; x25519: string; ed25519: string; signature: string };
      if (!(await verify(fromBase64(b.ed25519), concat(new TextEncoder().encode('worldloom-chat-device-v1'), fromBase64(b.x25519)), fromBase64(b.signature)))) {
        throw bad('signature');
      }
      const same = this.devices.find((d) => d.ed25519 === b.ed25519);
      if (same) {
        if (same.userId !== userId || same.revokedAt) throw conflict('ed25519 taken', {});
        return same;
      }
      const d: DeviceView = { id: uuid(), userId, name: b.name, x25519: b.x25519, ed25519: b.ed25519, createdAt: 'now', revokedAt: null };
      this.devices.push(d);
      return d;
    }
    if (method === 'GET' && (m = p.match(/^\/api\/chat\/users\/([^/]+)\/devices$/))) {
      return this.devices.filter((d) => d.userId === m![1]);
    }
    if (!(m = p.match(/^\/api\/chat\/rooms\/([^/]+)(\/.*)?$/))) throw new ProblemError({ status: 404, title: 'Not found.' });
    const r = this.rooms.get(m[1]);
    if (!r || !r.members.has(userId)) throw new ProblemError({ status: 403, title: 'Forbidden.' });
    const rest = m[2] ?? '';
    if (method === 'GET' && rest === '') return { id: r.id, encrypted: true, keyEpoch: r.keyEpoch, keyRotationNeeded: r.keyRotationNeeded };
    if (method === 'GET' && rest === '/devices') return this.memberDevices(r);
    if (method === 'GET' && rest === '/keys') {
      const deviceId = url.searchParams.get('deviceId');
      return [...r.wraps.values()].filter((w) => w.deviceId === deviceId).sort((x, y) => x.epoch - y.epoch);
    }
    if (method === 'GET' && rest === '/keys/missing') {
      const have = new Set([...r.wraps.values()].filter((w) => w.epoch === r.keyEpoch).map((w) => w.deviceId));
      return { epoch: r.keyEpoch, rotationNeeded: r.keyRotationNeeded, devices: this.memberDevices(r).filter((d) => !have.has(d.id)) };
    }
    if (method === 'POST' && rest === '/keys') {
      const b = body as { epoch: number; wraps: { deviceId: string; senderDeviceId: string; wrapped: string }[] };
      if (b.epoch !== r.keyEpoch + 1) throw conflict('epoch', { currentEpoch: r.keyEpoch });
      await this.checkWraps(r, b.epoch, userId, b.wraps);
      const missing = this.memberDevices(r).filter((d) => !b.wraps.some((w) => w.deviceId === d.id)).map((d) => d.id);
      if (missing.length) throw conflict('wraps', { missingDevices: missing });
      // The compare-and-set, after the awaits above: a concurrent upload may have won meanwhile.
      if (b.epoch !== r.keyEpoch + 1) throw conflict('epoch', { currentEpoch: r.keyEpoch });
      r.keyEpoch = b.epoch;
      r.keyRotationNeeded = false;
      for (const w of b.wraps) r.wraps.set(`${b.epoch}/${w.deviceId}`, { ...w, epoch: b.epoch, senderUserId: userId });
      return { id: r.id, encrypted: true, keyEpoch: r.keyEpoch, keyRotationNeeded: false };
    }
    if (method === 'POST' && (m = rest.match(/^\/keys\/(\d+)\/wraps$/))) {
      const epoch = Number(m[1]);
      const b = body as { wraps: { deviceId: string; senderDeviceId: string; wrapped: string }[] };
      await this.checkWraps(r, epoch, userId, b.wraps);
      let added = 0;
      for (const w of b.wraps) {
        if (r.wraps.has(`${epoch}/${w.deviceId}`)) continue;
        r.wraps.set(`${epoch}/${w.deviceId}`, { ...w, epoch, senderUserId: userId });
        added++;
      }
      return { added };
    }
    throw new ProblemError({ status: 404, title: 'Not found.' });
  }

  /** The calls one user's client makes. */
  http(userId: string): ChatHttp {
    return {
      get: async <T>(path: string) => (await this.handle(userId, 'GET', path, undefined)) as T,
      post: async <T>(path: string, body?: unknown) => (await this.handle(userId, 'POST', path, body)) as T,
    };
  }

  /** A fetch for the page's ApiClient, answering as `userId` (problems as RFC 9457 bodies). */
  fetchAs(userId: string, fallback: (url: string, init?: RequestInit) => Promise<Response>) {
    return async (url: string, init?: RequestInit): Promise<Response> => {
      const path = String(url);
      const method = init?.method ?? 'GET';
      const isKeyRoute = /\/api\/chat\/(devices|users\/[^/]+\/devices)/.test(path)
        || /\/api\/chat\/rooms\/[^/]+(\/devices|\/keys.*)?$/.test(new URL(path, 'http://x').pathname) && [...this.rooms.keys()].some((id) => path.includes(id));
      if (!isKeyRoute) return fallback(path, init);
      try {
        const out = await this.handle(userId, method, path, init?.body ? JSON.parse(String(init.body)) : undefined);
        return new Response(JSON.stringify(out), { status: 200, headers: { 'content-type': 'application/json' } });
      } catch (err) {
        const e = err as ProblemError;
        return new Response(JSON.stringify({ status: e.status, title: e.title, detail: e.detail, ...e.extensions }), {
          status: e.status, headers: { 'content-type': 'application/problem+json' },
        });
      }
    };
  }
}
