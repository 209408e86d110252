/**
 * This browser's chat device: its key pairs, kept per user in IndexedDB, and its registration with the server.
 *
 * The private halves are made non-extractable by WebCrypto (`generateKey(…, false, …)`) and stored as CryptoKey
 * objects in IndexedDB (structured clone keeps them usable and still non-extractable), so page script — ours or an
 * injected one — can use them while the page is open but cannot read their bytes, and nothing secret ever goes to
 * localStorage. The cost: they cannot be exported for a backup either (docs/chat-security.md: no key backup).
 */
import { bindingSignature, toBase64, type DeviceKeys } from './crypto';

type Bytes = Uint8Array<ArrayBuffer>;

/** A device as this browser keeps it: the keys, and the server's id once registered. */
export interface StoredDevice {
  userId: string;
  /** The server's id for the device; null until the registration answered. */
  deviceId: string | null;
  name: string;
  keys: DeviceKeys;
}

/** Where device keys live between visits. */
export interface DeviceKeyStore {
  load(userId: string): Promise<StoredDevice | null>;
  save(device: StoredDevice): Promise<void>;
  remove(userId: string): Promise<void>;
}

/** For tests and for browsers without IndexedDB (private modes of some): keys last as long as the page. */
export class MemoryKeyStore implements DeviceKeyStore {
  private readonly devices = new Map<string, StoredDevice>();

  async load(userId: string) {
    return this.devices.get(userId) ?? null;
  }

  async save(device: StoredDevice) {
    this.devices.set(device.userId, device);
  }

  async remove(userId: string) {
    this.devices.delete(userId);
  }
}

const DB_NAME = 'worldloom-chat';
const STORE = 'devices';

/**
 * Devices in IndexedDB, one record per user id (several people may use one browser profile). Where IndexedDB will not
 * open (some private modes), it falls back to memory: the device then lasts as long as the page.
 */
export class IndexedDbKeyStore implements DeviceKeyStore {
  private db: Promise<IDBDatabase> | null = null;
  private fallback: MemoryKeyStore | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'userId' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T> {
    const db = await this.open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result as T);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }

  private async usable(): Promise<boolean> {
    if (this.fallback) return false;
    try {
      await this.open();
      return true;
    } catch {
      this.fallback = new MemoryKeyStore();
      return false;
    }
  }

  async load(userId: string) {
    if (!(await this.usable())) return this.fallback!.load(userId);
    const rec = await this.run<StoredDevice | undefined>('readonly', (s) => s.get(userId));
    return rec ?? null;
  }

  async save(device: StoredDevice) {
    if (!(await this.usable())) return this.fallback!.save(device);
    await this.run('readwrite', (s) => s.put(device));
  }

  async remove(userId: string) {
    if (!(await this.usable())) return this.fallback!.remove(userId);
    await this.run('readwrite', (s) => s.delete(userId));
  }
}

/** The store this browser can offer: IndexedDB when it exists, else memory. */
export function defaultKeyStore(): DeviceKeyStore {
  return typeof indexedDB !== 'undefined' ? new IndexedDbKeyStore() : new MemoryKeyStore();
}

/** Fresh device keys whose private halves WebCrypto will never export. */
export async function newDeviceKeys(): Promise<DeviceKeys> {
  const subtle = globalThis.crypto.subtle;
  const x = (await subtle.generateKey({ name: 'X25519' }, false, ['deriveBits'])) as CryptoKeyPair;
  const ed = (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    x25519Private: x.privateKey,
    ed25519Private: ed.privateKey,
    x25519Public: new Uint8Array(await subtle.exportKey('raw', x.publicKey)) as Bytes,
    ed25519Public: new Uint8Array(await subtle.exportKey('raw', ed.publicKey)) as Bytes,
  };
}

/** A device's public side as the server lists it (`/api/chat/devices`, `/users/{id}/devices`, `/rooms/{id}/devices`). */
export interface DeviceView {
  id: string;
  userId: string;
  name: string;
  x25519: string;
  ed25519: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The HTTP calls the chat's crypto makes; `api` from api/client fits, tests hand in a small fake server. */
export interface ChatHttp {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

/** A registered device of mine, ready to sign and unwrap. */
export interface OwnDevice {
  id: string;
  userId: string;
  name: string;
  keys: DeviceKeys;
}

function status(err: unknown): number {
  return typeof err === 'object' && err !== null && 'status' in err ? Number((err as { status: unknown }).status) : 0;
}

/**
 * This browser's device for `userId`: the stored one, or new keys on first use. Registration is sent every time: the
 * server answers an already registered key with its row, so a lost answer or a server that forgot us costs nothing.
 * Keys the server refuses (revoked, or taken) are replaced by new ones.
 */
export async function ensureDevice(store: DeviceKeyStore, http: ChatHttp, userId: string, name: string): Promise<OwnDevice> {
  let stored = await store.load(userId);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!stored) {
      // Saved before registering, so keys the server may already hold are never lost to a closed tab.
      stored = { userId, deviceId: null, name, keys: await newDeviceKeys() };
      await store.save(stored);
    }
    const keys = stored.keys;
    try {
      const view = await http.post<DeviceView>('/api/chat/devices', {
        name: stored.name,
        x25519: toBase64(keys.x25519Public),
        ed25519: toBase64(keys.ed25519Public),
        signature: toBase64(await bindingSignature(keys)),
      });
      if (stored.deviceId !== view.id) {
        stored = { ...stored, deviceId: view.id };
        await store.save(stored);
      }
      return { id: view.id, userId, name: stored.name, keys };
    } catch (err) {
      // 409: revoked, or the key is someone else's; this device is done, make a new one.
      if (status(err) !== 409 || attempt > 0) throw err;
      await store.remove(userId);
      stored = null;
    }
  }
  throw new Error('could not register a chat device');
}
