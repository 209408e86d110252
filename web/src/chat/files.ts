// Files in chat, format loom-chat-file-v1 (docs/chat.md, "Files"): each chunk is sealed with AES-256-GCM under a
// per-file random key, nonce = prefix(8) || uint32be(index), and associated data binding the chunk's place in the file.
// The C# client (Worldloom.Chat.Client/Files) writes the same bytes; tests/vectors/chat-files.json checks both.

type Bytes = Uint8Array<ArrayBuffer>;

/** AES-GCM tag appended to every chunk: the whole per-chunk overhead. */
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;
export const PREFIX_BYTES = 8;
/** Plaintext bytes per chunk unless the caller picks another (64 KiB to 8 MiB on the server). */
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;

const LABEL = new TextEncoder().encode('loom-chat-file-v1');

/** A downloaded chunk failed authentication: altered, reordered, truncated, or another file's. */
export class FileIntegrityError extends Error {
  constructor(
    readonly chunk: number,
    message: string,
  ) {
    super(message);
    this.name = 'FileIntegrityError';
  }
}

/** The server refused a file request, or kept failing it. */
export class FileTransferError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
    /** The server's answer (an RFC 9457 problem as JSON), so a client can show the field it names. */
    readonly body?: string,
  ) {
    super(message);
    this.name = 'FileTransferError';
  }
}

export interface FileSecret {
  key: Bytes;
  noncePrefix: Bytes;
}

/** What a message carries so members can fetch and open the file (the key included). */
export interface FileDescriptor {
  fileId: string;
  roomId: string;
  name: string;
  size: number;
  chunkSize: number;
  chunks: number;
  contentType?: string;
  /** 32-byte key, base64url without padding. */
  key: string;
  /** 8-byte nonce prefix, base64url without padding. */
  nonce: string;
}

export interface FileStatus {
  id: string;
  size: number;
  chunkSize: number;
  chunks: number;
  /** Stored chunks as inclusive [from, to] ranges. */
  received: [number, number][];
  complete: boolean;
}

/** Sends a request to the API; the caller binds the base address and the access token. */
export type FileFetch = (path: string, init?: RequestInit) => Promise<Response>;

export function createSecret(): FileSecret {
  return {
    key: crypto.getRandomValues(new Uint8Array(KEY_BYTES)),
    noncePrefix: crypto.getRandomValues(new Uint8Array(PREFIX_BYTES)),
  };
}

export function chunkCount(size: number, chunkSize: number): number {
  return Math.ceil(size / chunkSize);
}

export function plainLength(size: number, chunkSize: number, index: number): number {
  const chunks = chunkCount(size, chunkSize);
  if (index < 0 || index >= chunks) throw new RangeError(`chunk ${index} is outside 0..${chunks - 1}`);
  return index < chunks - 1 ? chunkSize : size - chunkSize * (chunks - 1);
}

export function chunkNonce(secret: FileSecret, index: number): Bytes {
  const nonce = new Uint8Array(12);
  nonce.set(secret.noncePrefix, 0);
  new DataView(nonce.buffer).setUint32(PREFIX_BYTES, index, false);
  return nonce;
}

export function chunkAad(secret: FileSecret, index: number, chunks: number): Bytes {
  const aad = new Uint8Array(LABEL.length + PREFIX_BYTES + 9);
  aad.set(LABEL, 0);
  aad.set(secret.noncePrefix, LABEL.length);
  const view = new DataView(aad.buffer);
  view.setUint32(LABEL.length + PREFIX_BYTES, index, false);
  view.setUint32(LABEL.length + PREFIX_BYTES + 4, chunks, false);
  aad[aad.length - 1] = index === chunks - 1 ? 1 : 0;
  return aad;
}

async function aesKey(secret: FileSecret, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret.key, 'AES-GCM', false, [usage]);
}

/** Seals chunk `index` of `chunks`: ciphertext followed by the 16-byte tag. */
export async function sealChunk(secret: FileSecret, index: number, chunks: number, plain: Bytes): Promise<Bytes> {
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: chunkNonce(secret, index), additionalData: chunkAad(secret, index, chunks), tagLength: TAG_BYTES * 8 },
    await aesKey(secret, 'encrypt'),
    plain,
  );
  return new Uint8Array(sealed);
}

/** Opens a sealed chunk, or throws FileIntegrityError. */
export async function openChunk(secret: FileSecret, index: number, chunks: number, sealed: Bytes): Promise<Bytes> {
  if (sealed.length < TAG_BYTES) throw new FileIntegrityError(index, `chunk ${index} is too short to be sealed`);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: chunkNonce(secret, index), additionalData: chunkAad(secret, index, chunks), tagLength: TAG_BYTES * 8 },
      await aesKey(secret, 'decrypt'),
      sealed,
    );
    return new Uint8Array(plain);
  } catch {
    throw new FileIntegrityError(index, `chunk ${index} of ${chunks} failed authentication: it was altered, reordered or belongs to another file`);
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Bytes {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function secretOf(file: FileDescriptor): FileSecret {
  const secret = { key: fromBase64Url(file.key), noncePrefix: fromBase64Url(file.nonce) };
  if (secret.key.length !== KEY_BYTES || secret.noncePrefix.length !== PREFIX_BYTES) throw new Error('the descriptor key or nonce is malformed');
  return secret;
}

function hasChunk(status: FileStatus, index: number): boolean {
  return status.received.some(([from, to]) => from <= index && index <= to);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request with retries for network failures, 408, 429 and 5xx; chunk PUTs are idempotent so retrying is safe. */
async function send(fetchImpl: FileFetch, path: string, init: () => RequestInit, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetchImpl(path, init());
    } catch (e) {
      if (attempt >= attempts) throw new FileTransferError(undefined, `the server could not be reached: ${String(e)}`);
      await sleep(200 * attempt);
      continue;
    }
    if (response.ok) return response;
    const transient = response.status >= 500 || response.status === 408 || response.status === 429;
    const text = await response.text();
    if (transient && attempt < attempts) {
      await sleep(200 * attempt);
      continue;
    }
    throw new FileTransferError(response.status, `the server answered ${response.status}: ${text}`, text);
  }
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Registers an upload and makes its secret. Keep the descriptor (it holds the key) until the file is shared. */
export async function createUpload(
  fetchImpl: FileFetch,
  roomId: string,
  name: string,
  size: number,
  contentType?: string,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<FileDescriptor> {
  const chunks = chunkCount(size, chunkSize);
  const response = await send(fetchImpl, `/api/chat/rooms/${roomId}/files`, () => json({ name, size, chunkSize, chunks, contentType }));
  const created = (await response.json()) as { fileId: string; chunkSize: number; chunks: number };
  const secret = createSecret();
  return {
    fileId: created.fileId,
    roomId,
    name,
    size,
    chunkSize: created.chunkSize,
    chunks: created.chunks,
    contentType,
    key: toBase64Url(secret.key),
    nonce: toBase64Url(secret.noncePrefix),
  };
}

export async function fileStatus(fetchImpl: FileFetch, fileId: string): Promise<FileStatus> {
  return (await (await send(fetchImpl, `/api/chat/files/${fileId}`, () => ({ method: 'GET' }))).json()) as FileStatus;
}

/**
 * Sends the chunks the server lacks and completes the upload; calling it again resumes. `onProgress` gets the
 * plaintext bytes done (stored chunks included) after each chunk. Returns how many chunks this call sent.
 */
export async function sendFile(
  fetchImpl: FileFetch,
  file: FileDescriptor,
  content: Blob,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  if (content.size !== file.size) throw new RangeError(`the content is ${content.size} bytes, the upload ${file.size}`);
  const secret = secretOf(file);
  const status = await fileStatus(fetchImpl, file.fileId);
  let sent = 0;
  let done = 0;
  for (let index = 0; index < file.chunks; index++) {
    const length = plainLength(file.size, file.chunkSize, index);
    if (!status.complete && !hasChunk(status, index)) {
      const start = index * file.chunkSize;
      const plain = new Uint8Array(await content.slice(start, start + length).arrayBuffer());
      const sealed = await sealChunk(secret, index, file.chunks, plain);
      await send(fetchImpl, `/api/chat/files/${file.fileId}/chunks/${index}`, () => ({
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: sealed,
      }));
      sent++;
    }
    done += length;
    onProgress?.(done, file.size);
  }
  if (!status.complete) await send(fetchImpl, `/api/chat/files/${file.fileId}/complete`, () => ({ method: 'POST' }));
  return sent;
}

/** Downloads, checks and opens every chunk; throws FileIntegrityError on the first that fails. */
export async function downloadFile(
  fetchImpl: FileFetch,
  file: FileDescriptor,
  onProgress?: (done: number, total: number) => void,
): Promise<Blob> {
  const secret = secretOf(file);
  const parts: Bytes[] = [];
  let done = 0;
  for (let index = 0; index < file.chunks; index++) {
    const expected = plainLength(file.size, file.chunkSize, index) + TAG_BYTES;
    const response = await send(fetchImpl, `/api/chat/files/${file.fileId}/chunks/${index}`, () => ({ method: 'GET' }));
    const sealed = new Uint8Array(await response.arrayBuffer());
    if (sealed.length !== expected) throw new FileIntegrityError(index, `chunk ${index} has the wrong length: expected ${expected} bytes`);
    const plain = await openChunk(secret, index, file.chunks, sealed);
    parts.push(plain);
    done += plain.length;
    onProgress?.(done, file.size);
  }
  return new Blob(parts, file.contentType ? { type: file.contentType } : undefined);
}
