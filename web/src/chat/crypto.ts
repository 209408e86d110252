// Chat's end-to-end encryption in the browser, byte for byte the same as src/Worldloom.Chat.Crypto (C#): device keys
// (X25519 + Ed25519), room key wraps (X25519 → HKDF-SHA256 → AES-256-GCM, signed) and message envelopes ("e1." +
// base64url). Everything is WebCrypto: Chromium 133+ and Node 20 have X25519 and Ed25519. docs/chat-security.md has
// the formats; tests/vectors/chat-crypto.json pins them across both implementations.

type Bytes = Uint8Array<ArrayBuffer>;

const subtle = () => globalThis.crypto.subtle;
const ascii = (s: string): Bytes => new TextEncoder().encode(s) as Bytes;

export const ENVELOPE_PREFIX = 'e1.';
export const MAX_PLAINTEXT_LENGTH = 4000;
export const MAX_ENVELOPE_LENGTH = 16 * 1024;
export const WRAP_LENGTH = 1 + 32 + 12 + 32 + 16 + 64;
const HEADER_LENGTH = 1 + 4 + 16 + 12 + 64;
const TAG_LENGTH = 16;
const WRAP_SIGNED_LENGTH = WRAP_LENGTH - 64;

// PKCS #8 wrappers of a raw 32-byte private key (RFC 8410): WebCrypto imports private keys only as pkcs8 or jwk.
const PKCS8_X25519 = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20];
const PKCS8_ED25519 = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

export function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** A UUID's 16 bytes in the order of its hex text (RFC 9562), as C# writes Guid.ToByteArray(bigEndian: true). */
export function idBytes(id: string): Bytes {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${id}`);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function idFromBytes(b: Uint8Array): string {
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function uint32(n: number): Bytes {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new Error(`bad epoch ${n}`);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

export function fromBase64(s: string): Bytes {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64Url(b: Uint8Array): string {
  return toBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Strict base64url without padding; null for anything else (so one text has one meaning, as in C#). */
export function fromBase64Url(s: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const padded = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  let bytes: Bytes;
  try {
    bytes = fromBase64(padded);
  } catch {
    return null;
  }
  return toBase64Url(bytes) === s ? bytes : null;
}

const random = (n: number): Bytes => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** A device's key pairs. Private halves stay on the device (export them only to store them there). */
export interface DeviceKeys {
  x25519Private: CryptoKey;
  ed25519Private: CryptoKey;
  x25519Public: Bytes;
  ed25519Public: Bytes;
}

/** Keys from raw private halves: a 32-byte X25519 private key and a 32-byte Ed25519 seed. */
export async function importDeviceKeys(x25519Private: Uint8Array, ed25519Seed: Uint8Array): Promise<DeviceKeys> {
  if (ed25519Seed.length !== 32) throw new Error('private keys are 32 bytes');
  const x = await importX25519(x25519Private);
  const ed = await subtle().importKey('pkcs8', concat(new Uint8Array(PKCS8_ED25519), ed25519Seed), { name: 'Ed25519' }, true, ['sign']);
  const edJwk = await subtle().exportKey('jwk', ed);
  return { x25519Private: x.key, ed25519Private: ed, x25519Public: x.publicKey, ed25519Public: fromBase64Url(edJwk.x!)! };
}

async function importX25519(privateKey: Uint8Array): Promise<{ key: CryptoKey; publicKey: Bytes }> {
  if (privateKey.length !== 32) throw new Error('private keys are 32 bytes');
  const key = await subtle().importKey('pkcs8', concat(new Uint8Array(PKCS8_X25519), privateKey), { name: 'X25519' }, true, ['deriveBits']);
  return { key, publicKey: fromBase64Url((await subtle().exportKey('jwk', key)).x!)! };
}

/** New device keys from the platform's CSPRNG. */
export function generateDeviceKeys(): Promise<DeviceKeys> {
  return importDeviceKeys(random(32), random(32));
}

/** The raw private halves, to keep on the device (IndexedDB); never send them anywhere. */
export async function exportPrivate(keys: DeviceKeys): Promise<{ x25519Private: Bytes; ed25519Seed: Bytes }> {
  const x = await subtle().exportKey('jwk', keys.x25519Private);
  const ed = await subtle().exportKey('jwk', keys.ed25519Private);
  return { x25519Private: fromBase64Url(x.d!)!, ed25519Seed: fromBase64Url(ed.d!)! };
}

async function sign(keys: DeviceKeys, data: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await subtle().sign({ name: 'Ed25519' }, keys.ed25519Private, data as Bytes));
}

export async function verify(ed25519Public: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (ed25519Public.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await subtle().importKey('raw', ed25519Public as Bytes, { name: 'Ed25519' }, false, ['verify']);
    return await subtle().verify({ name: 'Ed25519' }, key, signature as Bytes, data as Bytes);
  } catch {
    return false;
  }
}

/** The signature the server checks at registration: Ed25519 over "worldloom-chat-device-v1" ‖ x25519Public. */
export function bindingSignature(keys: DeviceKeys): Promise<Bytes> {
  return sign(keys, concat(ascii('worldloom-chat-device-v1'), keys.x25519Public));
}

async function agree(privateKey: CryptoKey, publicKey: Uint8Array): Promise<Bytes> {
  if (publicKey.length !== 32) throw new Error('X25519 public keys are 32 bytes');
  const pub = await subtle().importKey('raw', publicKey as Bytes, { name: 'X25519' }, false, []);
  const secret = new Uint8Array(await subtle().deriveBits({ name: 'X25519', public: pub }, privateKey, 256));
  // A low-order public key gives all zeros (some engines throw instead); refuse it either way, as C# does.
  if (secret.every((b) => b === 0)) throw new Error('the X25519 public key is not usable');
  return secret;
}

async function hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', ikm as Bytes, 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: salt as Bytes, info: info as Bytes }, base, 256);
  return subtle().importKey('raw', bits, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Where a wrap belongs: "worldloom-chat-wrap-v1" ‖ roomId ‖ epoch ‖ recipientDeviceId ‖ senderDeviceId. */
export interface WrapContext {
  roomId: string;
  epoch: number;
  recipientDeviceId: string;
  senderDeviceId: string;
}

export function wrapContextBytes(c: WrapContext): Bytes {
  if (c.epoch < 1) throw new Error('epochs start at 1');
  return concat(ascii('worldloom-chat-wrap-v1'), idBytes(c.roomId), uint32(c.epoch), idBytes(c.recipientDeviceId), idBytes(c.senderDeviceId));
}

export function newRoomKey(): Bytes {
  return random(32);
}

/** Seals a room key for one device; ephemeralPrivate and nonce are for test vectors only. */
export async function wrapRoomKey(
  roomKey: Uint8Array, context: WrapContext, sender: DeviceKeys, recipientX25519: Uint8Array,
  ephemeralPrivate: Uint8Array = random(32), nonce: Uint8Array = random(12),
): Promise<Bytes> {
  if (roomKey.length !== 32 || nonce.length !== 12) throw new Error('a room key is 32 bytes, a nonce 12');
  const ephemeral = await importX25519(ephemeralPrivate);
  const info = wrapContextBytes(context);
  const key = await hkdf(await agree(ephemeral.key, recipientX25519), concat(ephemeral.publicKey, recipientX25519), info);
  const sealed = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: nonce as Bytes, additionalData: info, tagLength: 128 }, key, roomKey as Bytes));
  const signed = concat(new Uint8Array([1]), ephemeral.publicKey, nonce, sealed);
  return concat(signed, await sign(sender, concat(info, signed)));
}

/** The room key inside a wrap, after checking the sender's signature and the tag; throws otherwise. */
export async function unwrapRoomKey(wrapped: Uint8Array, context: WrapContext, recipient: DeviceKeys, senderEd25519: Uint8Array): Promise<Bytes> {
  const info = wrapContextBytes(context);
  if (wrapped.length !== WRAP_LENGTH || wrapped[0] !== 1
    || !(await verify(senderEd25519, concat(info, wrapped.subarray(0, WRAP_SIGNED_LENGTH)), wrapped.subarray(WRAP_SIGNED_LENGTH)))) {
    throw new Error('the room key wrap is malformed or its signature does not verify');
  }
  const ephemeralPublic = wrapped.slice(1, 33);
  const key = await hkdf(await agree(recipient.x25519Private, ephemeralPublic), concat(ephemeralPublic, recipient.x25519Public), info);
  try {
    return new Uint8Array(await subtle().decrypt(
      { name: 'AES-GCM', iv: wrapped.slice(33, 45), additionalData: info, tagLength: 128 }, key, wrapped.slice(45, WRAP_SIGNED_LENGTH)));
  } catch {
    throw new Error('the room key wrap does not open with this device\'s key');
  }
}

/** What an envelope is bound to. */
export interface MessageContext {
  roomId: string;
  epoch: number;
  senderDeviceId: string;
  clientId: string;
}

/** "worldloom-chat-msg-v1" ‖ roomId ‖ epoch ‖ senderDeviceId ‖ len(clientId) ‖ clientId. */
export function messageContextBytes(c: MessageContext): Bytes {
  if (c.epoch < 1) throw new Error('epochs start at 1');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(c.clientId)) throw new Error('a client id is 1–64 of [A-Za-z0-9_-]');
  return concat(ascii('worldloom-chat-msg-v1'), idBytes(c.roomId), uint32(c.epoch), idBytes(c.senderDeviceId), new Uint8Array([c.clientId.length]), ascii(c.clientId));
}

/** Seals a message; nonce is for test vectors only (a nonce reused under one room key breaks AES-GCM). */
export async function sealMessage(plaintext: string, roomKey: Uint8Array, context: MessageContext, sender: DeviceKeys, nonce: Uint8Array = random(12)): Promise<string> {
  if (plaintext.length === 0 || plaintext.length > MAX_PLAINTEXT_LENGTH) throw new Error(`a message is 1–${MAX_PLAINTEXT_LENGTH} characters`);
  if (roomKey.length !== 32 || nonce.length !== 12) throw new Error('a room key is 32 bytes, a nonce 12');
  const aad = messageContextBytes(context);
  const key = await subtle().importKey('raw', roomKey as Bytes, 'AES-GCM', false, ['encrypt']);
  const ciphertext = new Uint8Array(await subtle().encrypt(
    { name: 'AES-GCM', iv: nonce as Bytes, additionalData: aad, tagLength: 128 }, key, new TextEncoder().encode(plaintext)));
  const signature = await sign(sender, concat(aad, nonce, ciphertext));
  return ENVELOPE_PREFIX + toBase64Url(concat(new Uint8Array([1]), uint32(context.epoch), idBytes(context.senderDeviceId), nonce, signature, ciphertext));
}

export interface EnvelopeParts {
  epoch: number;
  senderDeviceId: string;
  nonce: Bytes;
  signature: Bytes;
  ciphertext: Bytes;
}

/** Takes an envelope apart (shape only); null when it is not a version 1 envelope. */
export function parseEnvelope(text: string): EnvelopeParts | null {
  if (text.length > MAX_ENVELOPE_LENGTH || !text.startsWith(ENVELOPE_PREFIX)) return null;
  const b = fromBase64Url(text.slice(ENVELOPE_PREFIX.length));
  if (!b || b.length < HEADER_LENGTH + 1 + TAG_LENGTH || b[0] !== 1) return null;
  const epoch = new DataView(b.buffer, b.byteOffset).getUint32(1, false);
  if (epoch === 0 || epoch > 0x7fffffff) return null;
  return { epoch, senderDeviceId: idFromBytes(b.subarray(5, 21)), nonce: b.slice(21, 33), signature: b.slice(33, HEADER_LENGTH), ciphertext: b.slice(HEADER_LENGTH) };
}

export function isEnvelope(text: string): boolean {
  return parseEnvelope(text) !== null;
}

/**
 * Opens an envelope stored under clientId in roomId: looks up the epoch's room key and the sender device's Ed25519 key,
 * checks the signature, then decrypts. Throws on any failure; never returns unauthenticated text.
 */
export async function openMessage(
  text: string, roomId: string, clientId: string,
  roomKeyOfEpoch: (epoch: number) => Uint8Array | undefined, ed25519OfDevice: (deviceId: string) => Uint8Array | undefined,
): Promise<string> {
  const parts = parseEnvelope(text);
  if (!parts) throw new Error('not a version 1 message envelope');
  const signer = ed25519OfDevice(parts.senderDeviceId);
  if (!signer) throw new Error(`unknown sender device ${parts.senderDeviceId}`);
  const aad = messageContextBytes({ roomId, epoch: parts.epoch, senderDeviceId: parts.senderDeviceId, clientId });
  if (!(await verify(signer, concat(aad, parts.nonce, parts.ciphertext), parts.signature))) {
    throw new Error('the envelope\'s signature does not verify for this room, client id and device');
  }
  const roomKey = roomKeyOfEpoch(parts.epoch);
  if (!roomKey) throw new Error(`no room key for epoch ${parts.epoch}`);
  const key = await subtle().importKey('raw', roomKey as Bytes, 'AES-GCM', false, ['decrypt']);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt({ name: 'AES-GCM', iv: parts.nonce, additionalData: aad, tagLength: 128 }, key, parts.ciphertext);
  } catch {
    throw new Error('the envelope does not open with this room key');
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

/** 60 digits both people see alike: SHA-256("worldloom-chat-safety-v1" ‖ smaller key ‖ larger key), ten groups of five. */
export async function safetyNumber(ed25519A: Uint8Array, ed25519B: Uint8Array): Promise<string> {
  if (ed25519A.length !== 32 || ed25519B.length !== 32) throw new Error('Ed25519 public keys are 32 bytes');
  const [first, second] = compareBytes(ed25519A, ed25519B) <= 0 ? [ed25519A, ed25519B] : [ed25519B, ed25519A];
  const d = new Uint8Array(await subtle().digest('SHA-256', concat(ascii('worldloom-chat-safety-v1'), first, second)));
  const groups: string[] = [];
  for (let i = 0; i < 10; i++) {
    const n = (d[i * 3] << 16) | (d[i * 3 + 1] << 8) | d[i * 3 + 2];
    groups.push(String(n % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
