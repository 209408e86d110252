/**
 * End-to-end encryption for the chat page: this device's room keys per epoch, made, wrapped, fetched and unwrapped
 * over the REST routes of docs/chat-security.md, and message bodies sealed and opened with them. Room keys are kept in
 * memory only: the server holds this device's wraps, so a reload fetches and unwraps them again.
 */
import {
  fromBase64, newRoomKey, openMessage, parseEnvelope, safetyNumber, sealMessage, toBase64, unwrapRoomKey, wrapRoomKey,
} from './crypto';
import { ensureDevice, type ChatHttp, type DeviceKeyStore, type DeviceView, type OwnDevice } from './keystore';

/** The plaintext of an attachment's key (docs/chat.md): never shown as a body. */
const FILE_KEY_PREFIX = 'loom-file-key-v1 ';

/** What opening a body gave: the text, or why there is none (`no_key`: not yet; `invalid`: never). */
export type Opened = { ok: true; text: string } | { ok: false; reason: 'no_key' | 'invalid'; detail: string };

interface RoomKeyView {
  epoch: number;
  deviceId: string;
  senderDeviceId: string;
  senderUserId: string;
  wrapped: string;
}

interface RoomEpoch {
  keyEpoch: number;
  keyRotationNeeded: boolean;
}

interface MissingKeys {
  epoch: number;
  rotationNeeded: boolean;
  devices: DeviceView[];
}

/** A device's safety number against mine, for people to compare. */
export interface DeviceSafety {
  device: DeviceView;
  mine: boolean;
  safetyNumber: string | null;
}

function problemField(err: unknown, name: string): unknown {
  const ext = typeof err === 'object' && err !== null ? (err as { extensions?: Record<string, unknown> }).extensions : undefined;
  return ext?.[name];
}

function status(err: unknown): number {
  return typeof err === 'object' && err !== null && 'status' in err ? Number((err as { status: unknown }).status) : 0;
}

/** Whether a refusal (REST problem or socket error code) says the room's key moved on. */
export function isStaleKey(err: unknown): boolean {
  return problemField(err, 'code') === 'stale_key' || problemField(err, 'code') === 'no_room_key';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface KeyringOptions {
  userId: string;
  http: ChatHttp;
  store: DeviceKeyStore;
  deviceName?: string;
  /** How long to wait for a member to share the current key before making a new epoch instead. */
  shareWaitMs?: number;
}

export class Keyring {
  private readonly opts: Required<KeyringOptions>;
  private devicePromise: Promise<OwnDevice> | null = null;
  /** roomId → epoch → room key. */
  private readonly keys = new Map<string, Map<number, Uint8Array>>();
  /** What the server last said about a room's epoch; dropped when a refusal says it moved. */
  private readonly epochs = new Map<string, RoomEpoch>();
  private readonly devices = new Map<string, DeviceView[]>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly lastKeyFetch = new Map<string, number>();

  constructor(opts: KeyringOptions) {
    this.opts = { deviceName: 'Web browser', shareWaitMs: 1500, ...opts };
  }

  /** This browser's registered device (made and registered on first call). */
  device(): Promise<OwnDevice> {
    this.devicePromise ??= ensureDevice(this.opts.store, this.opts.http, this.opts.userId, this.opts.deviceName).catch((err) => {
      this.devicePromise = null;
      throw err;
    });
    return this.devicePromise;
  }

  /** Runs `fn` once at a time per key: callers asking meanwhile share its answer. */
  private once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const cur = this.inflight.get(key) as Promise<T> | undefined;
    if (cur) return cur;
    const p = fn().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /** Notes a room's epoch from a room view (list, event), so sealing need not ask. */
  noteRoom(roomId: string, keyEpoch: number, keyRotationNeeded: boolean): void {
    this.epochs.set(roomId, { keyEpoch, keyRotationNeeded });
  }

  /** Forgets what we knew of the room's epoch (after a stale_key refusal). */
  forgetEpoch(roomId: string): void {
    this.epochs.delete(roomId);
  }

  roomKey(roomId: string, epoch: number): Uint8Array | undefined {
    return this.keys.get(roomId)?.get(epoch);
  }

  /** Epochs this device holds a key for, oldest first. */
  epochsHeld(roomId: string): number[] {
    return [...(this.keys.get(roomId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  private setKey(roomId: string, epoch: number, key: Uint8Array) {
    let m = this.keys.get(roomId);
    if (!m) this.keys.set(roomId, (m = new Map()));
    m.set(epoch, key);
  }

  /** A user's devices (revoked ones too: their old signatures still verify); asked again when `need` is not among them. */
  async devicesOf(userId: string, need?: string): Promise<DeviceView[]> {
    const cached = this.devices.get(userId);
    const has = (list: DeviceView[]) => !need || list.some((d) => d.id.toLowerCase() === need.toLowerCase());
    if (cached && has(cached)) return cached;
    return this.once(`devices:${userId}`, async () => {
      const list = await this.opts.http.get<DeviceView[]>(`/api/chat/users/${userId}/devices`);
      this.devices.set(userId, list);
      return list;
    });
  }

  private async ed25519Of(userId: string, deviceId: string): Promise<Uint8Array | undefined> {
    const d = (await this.devicesOf(userId, deviceId)).find((x) => x.id.toLowerCase() === deviceId.toLowerCase());
    return d ? fromBase64(d.ed25519) : undefined;
  }

  /**
   * Fetches this device's wraps of the room and unwraps the new ones, each after checking its signature against the
   * sender device as its owner's device list has it. Returns how many keys were new. `force` skips the throttle.
   */
  refreshRoomKeys(roomId: string, force = false): Promise<number> {
    // A fetch under way answers everyone who asks meanwhile; a forced one (after news of a new epoch) waits for it and
    // asks again, since it may have been sent before that epoch existed.
    const running = this.inflight.get(`keys:${roomId}`) as Promise<number> | undefined;
    if (running) return force ? running.catch(() => 0).then(() => this.refreshRoomKeys(roomId, true)) : running;
    const last = this.lastKeyFetch.get(roomId) ?? 0;
    if (!force && Date.now() - last < 2_000) return Promise.resolve(0);
    return this.once(`keys:${roomId}`, async () => {
      this.lastKeyFetch.set(roomId, Date.now());
      const me = await this.device();
      const wraps = await this.opts.http.get<RoomKeyView[]>(`/api/chat/rooms/${roomId}/keys?deviceId=${me.id}`);
      let added = 0;
      for (const w of wraps) {
        if (this.roomKey(roomId, w.epoch)) continue;
        const signer = await this.ed25519Of(w.senderUserId, w.senderDeviceId);
        if (!signer) {
          console.warn(`chat: the key of epoch ${w.epoch} in ${roomId} names a sender device that is not its owner's; ignored`);
          continue;
        }
        try {
          const key = await unwrapRoomKey(
            fromBase64(w.wrapped), { roomId, epoch: w.epoch, recipientDeviceId: me.id, senderDeviceId: w.senderDeviceId }, me.keys, signer);
          this.setKey(roomId, w.epoch, key);
          added++;
        } catch (err) {
          // A wrap that does not verify or open is ignored: another may come, or the next epoch.
          console.warn(`chat: the key of epoch ${w.epoch} in ${roomId} did not open: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return added;
    });
  }

  private async roomEpoch(roomId: string, fresh: boolean): Promise<RoomEpoch> {
    const known = this.epochs.get(roomId);
    if (known && !fresh) return known;
    const room = await this.opts.http.get<RoomEpoch>(`/api/chat/rooms/${roomId}`);
    const e = { keyEpoch: room.keyEpoch ?? 0, keyRotationNeeded: room.keyRotationNeeded ?? false };
    this.epochs.set(roomId, e);
    return e;
  }

  /**
   * The key to seal with now: the current epoch's, fetched if this device has a wrap; a new epoch when the room has
   * none yet or must rotate, or when nobody shared the current one with this device in time. Concurrent rotations
   * are settled by the server (one wins; the others take its key).
   */
  currentKey(roomId: string): Promise<{ epoch: number; key: Uint8Array }> {
    return this.once(`current:${roomId}`, async () => {
      let waited = false;
      for (let attempt = 0; attempt < 6; attempt++) {
        const room = await this.roomEpoch(roomId, attempt > 0);
        if (room.keyEpoch > 0 && !room.keyRotationNeeded) {
          let key = this.roomKey(roomId, room.keyEpoch);
          if (!key) {
            await this.refreshRoomKeys(roomId, true);
            key = this.roomKey(roomId, room.keyEpoch);
          }
          if (key) return { epoch: room.keyEpoch, key };
          if (!waited) {
            // A member's client shares the current key with new devices; give it a moment before rotating.
            waited = true;
            await sleep(this.opts.shareWaitMs);
            continue;
          }
        }
        const made = await this.rotate(roomId, room.keyEpoch);
        if (made) return made;
      }
      throw new Error('could not get a key for this room');
    });
  }

  /** Uploads epoch `from + 1` wrapped for every member device; null when the server says the room moved meanwhile. */
  private async rotate(roomId: string, from: number): Promise<{ epoch: number; key: Uint8Array } | null> {
    const me = await this.device();
    const epoch = from + 1;
    const key = newRoomKey();
    const members = await this.opts.http.get<DeviceView[]>(`/api/chat/rooms/${roomId}/devices`);
    const wraps = await Promise.all(members.map(async (d) => ({
      deviceId: d.id,
      senderDeviceId: me.id,
      wrapped: toBase64(await wrapRoomKey(key, { roomId, epoch, recipientDeviceId: d.id, senderDeviceId: me.id }, me.keys, fromBase64(d.x25519))),
    })));
    try {
      await this.opts.http.post(`/api/chat/rooms/${roomId}/keys`, { epoch, wraps });
    } catch (err) {
      // 409 currentEpoch: someone rotated first (use theirs); 409 missingDevices: a device came meanwhile (wrap again).
      if (status(err) === 409) {
        this.epochs.delete(roomId);
        return null;
      }
      throw err;
    }
    this.setKey(roomId, epoch, key);
    this.epochs.set(roomId, { keyEpoch: epoch, keyRotationNeeded: false });
    return { epoch, key };
  }

  /** Wraps the current key for members' devices that lack it (new members, new devices), when this device holds it. */
  shareMissing(roomId: string): Promise<number> {
    return this.once(`share:${roomId}`, async () => {
      const missing = await this.opts.http.get<MissingKeys>(`/api/chat/rooms/${roomId}/keys/missing`);
      if (missing.epoch < 1 || missing.rotationNeeded || missing.devices.length === 0) return 0;
      let key = this.roomKey(roomId, missing.epoch);
      if (!key) {
        await this.refreshRoomKeys(roomId);
        key = this.roomKey(roomId, missing.epoch);
      }
      if (!key) return 0;
      const me = await this.device();
      const epoch = missing.epoch;
      const wraps = await Promise.all(missing.devices.map(async (d) => ({
        deviceId: d.id,
        senderDeviceId: me.id,
        wrapped: toBase64(await wrapRoomKey(key, { roomId, epoch, recipientDeviceId: d.id, senderDeviceId: me.id }, me.keys, fromBase64(d.x25519))),
      })));
      try {
        const r = await this.opts.http.post<{ added: number }>(`/api/chat/rooms/${roomId}/keys/${epoch}/wraps`, { wraps });
        return r?.added ?? 0;
      } catch {
        return 0; // another member shared at the same moment, or the room moved on; nothing is lost
      }
    });
  }

  /** Seals `text` for the room under its current key, bound to `clientId` (a message's, also for its edits). */
  async seal(roomId: string, text: string, clientId: string): Promise<string> {
    const me = await this.device();
    const { epoch, key } = await this.currentKey(roomId);
    return sealMessage(text, key, { roomId, epoch, senderDeviceId: me.id, clientId }, me.keys);
  }

  /**
   * Opens a body of `authorId`'s under `clientId`: the sender device must be one of the author's, its signature must
   * verify and the tag must hold. Never gives unauthenticated text. A missing epoch key fetches wraps once (throttled).
   */
  async open(roomId: string, authorId: string, clientId: string, body: string): Promise<Opened> {
    const parts = parseEnvelope(body);
    if (!parts) return { ok: false, reason: 'invalid', detail: 'not an encrypted message' };
    if (!this.roomKey(roomId, parts.epoch)) await this.refreshRoomKeys(roomId).catch(() => 0);
    const signer = await this.ed25519Of(authorId, parts.senderDeviceId).catch(() => undefined);
    if (!signer) return { ok: false, reason: 'invalid', detail: 'sent from a device that is not the author\u2019s' };
    try {
      // openMessage checks the signature before it looks for the key, so a forgery is never taken for a key not yet here.
      const text = await openMessage(body, roomId, clientId, (e) => this.roomKey(roomId, e), () => signer);
      if (text.startsWith(FILE_KEY_PREFIX)) return { ok: false, reason: 'invalid', detail: 'a file key, not a message' };
      return { ok: true, text };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return !this.roomKey(roomId, parts.epoch) && detail.startsWith('no room key')
        ? { ok: false, reason: 'no_key', detail: `no key for epoch ${parts.epoch} on this device yet` }
        : { ok: false, reason: 'invalid', detail };
    }
  }

  /**
   * An attachment's key for an encrypted room (docs/chat.md, "Sharing: attachments"): `loom-file-key-v1 <fileId>
   * <keyText>` sealed like a body, under the message's clientId.
   */
  sealFileKey(roomId: string, fileId: string, keyText: string, clientId: string): Promise<string> {
    return this.seal(roomId, `${FILE_KEY_PREFIX}${fileId.toLowerCase()} ${keyText}`, clientId);
  }

  /** The keyText inside an attachment's sealed key, when it opens, is authentic, and names this very file; else null. */
  async openFileKey(roomId: string, authorId: string, clientId: string, sealed: string, fileId: string): Promise<string | null> {
    const parts = parseEnvelope(sealed);
    if (!parts) return null;
    if (!this.roomKey(roomId, parts.epoch)) await this.refreshRoomKeys(roomId).catch(() => 0);
    const signer = await this.ed25519Of(authorId, parts.senderDeviceId).catch(() => undefined);
    if (!signer) return null;
    try {
      const text = await openMessage(sealed, roomId, clientId, (e) => this.roomKey(roomId, e), () => signer);
      const [prefix, id, keyText, ...rest] = text.split(' ');
      // The fileId inside must be the attachment's, so a server cannot move a key onto another file.
      return `${prefix} ` === FILE_KEY_PREFIX && id === fileId.toLowerCase() && keyText && rest.length === 0 ? keyText : null;
    } catch {
      return null;
    }
  }

  /** Every device of the room's members with its safety number against this device. */
  async safety(roomId: string): Promise<DeviceSafety[]> {
    const me = await this.device();
    const list = await this.opts.http.get<DeviceView[]>(`/api/chat/rooms/${roomId}/devices`);
    return Promise.all(list.map(async (device) => {
      const mine = device.id.toLowerCase() === me.id.toLowerCase();
      return { device, mine, safetyNumber: mine ? null : await safetyNumber(me.keys.ed25519Public, fromBase64(device.ed25519)) };
    }));
  }
}
