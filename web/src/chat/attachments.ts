/**
 * Files in messages (docs/chat.md "Sharing: attachments"): turning an upload's descriptor into what a message carries,
 * and a message's attachment back into a descriptor files.ts can download. Plain rooms carry `keyText` itself; end-to-end
 * rooms carry it sealed in an `e1.` envelope, which this module does through `setAttachmentEnvelopes` — the E2E code
 * (web/src/chat, owned there) registers how to seal and open; until it does, encrypted rooms cannot share files.
 */
import { api } from '../api/client';
import { FileIntegrityError, FileTransferError, fromBase64Url, KEY_BYTES, PREFIX_BYTES, toBase64Url, type FileDescriptor, type FileFetch } from './files';
import type { Attachment, ChatMessage } from './socket';

/** The plaintext of an attachment key envelope: `loom-file-key-v1 <fileId> <keyText>`. */
export const FILE_KEY_PREFIX = 'loom-file-key-v1 ';
/** Images under this size are offered as a thumbnail ("Show image"); larger ones only as a download. */
export const PREVIEW_MAX_BYTES = 10 * 1000 * 1000;

/** keyText = base64url(K ‖ P): the 32-byte key and the 8-byte nonce prefix, 54 characters. */
export function keyTextOf(file: Pick<FileDescriptor, 'key' | 'nonce'>): string {
  const key = fromBase64Url(file.key);
  const nonce = fromBase64Url(file.nonce);
  const both = new Uint8Array(KEY_BYTES + PREFIX_BYTES);
  both.set(key, 0);
  both.set(nonce, KEY_BYTES);
  return toBase64Url(both);
}

/** The descriptor files.ts downloads with, from an attachment and its (opened) keyText. */
export function descriptorOf(roomId: string, attachment: Attachment, keyText: string): FileDescriptor {
  const both = fromBase64Url(keyText);
  if (both.length !== KEY_BYTES + PREFIX_BYTES) throw new Error('the attachment key is malformed');
  return {
    fileId: attachment.fileId,
    roomId,
    name: attachment.name,
    size: attachment.size,
    chunkSize: attachment.chunkSize,
    chunks: attachment.chunks,
    contentType: attachment.contentType ?? undefined,
    key: toBase64Url(both.slice(0, KEY_BYTES)),
    nonce: toBase64Url(both.slice(KEY_BYTES)),
  };
}

/** The attachment a message will carry for a finished upload (its metadata, so the pending message can show it). */
export function attachmentOf(file: FileDescriptor, key: string): Attachment {
  return {
    fileId: file.fileId,
    name: file.name,
    size: file.size,
    contentType: file.contentType ?? null,
    chunkSize: file.chunkSize,
    chunks: file.chunks,
    key,
  };
}

/** Whether to offer "Show image": a raster or SVG-free image type, small enough to hold as a thumbnail. */
export function canPreview(a: Pick<Attachment, 'contentType' | 'size'>): boolean {
  // SVG can carry script; shown through <img> it cannot run, but there is no need to offer it.
  return !!a.contentType && /^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(a.contentType) && a.size < PREVIEW_MAX_BYTES;
}

/** Percent for a progress bar, 0–100, whole numbers. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/** What to say when a download fails: a 404 means the file was removed after it was shared. */
export function downloadErrorText(err: unknown): { removed: boolean; text: string } {
  if (err instanceof FileTransferError && err.status === 404) return { removed: true, text: 'file removed' };
  if (err instanceof FileIntegrityError) return { removed: false, text: `The file failed its integrity check (${err.message}).` };
  if (err instanceof FileTransferError) return { removed: false, text: problemText(err) ?? err.message };
  return { removed: false, text: err instanceof Error ? err.message : String(err) };
}

/** The detail of the server's problem (for a field, the first message naming it), if the answer was one. */
export function problemText(err: FileTransferError, field?: string): string | null {
  if (!err.body) return null;
  try {
    const p = JSON.parse(err.body) as { title?: string; detail?: string; errors?: Record<string, string[] | string> };
    const named = field ? p.errors?.[field] : undefined;
    const first = Array.isArray(named) ? named[0] : named;
    if (first) return `${field}: ${first}`;
    return p.detail || p.title || null;
  } catch {
    return null;
  }
}

// ---- the end-to-end seam -------------------------------------------------------

/** How the E2E code seals a text as an `e1.` envelope of a room, bound to a client id, and opens one. */
export interface AttachmentEnvelopes {
  seal(roomId: string, clientId: string, plaintext: string): Promise<string>;
  /** The opened text (`loom-file-key-v1 <fileId> <keyText>`); `fileId` is the attachment's, for keyrings that check it. */
  open(message: ChatMessage, envelope: string, fileId: string): Promise<string>;
}

let envelopes: AttachmentEnvelopes | null = null;

/** For the E2E code to register (or tests); without it, `envelopesFor` falls back to the chat store's keyring. */
export function setAttachmentEnvelopes(impl: AttachmentEnvelopes | null): void {
  envelopes = impl;
}

/** The shape of the E2E store's keyring (web/src/chat/keyring.ts on the E2E work): seal with a client id, open to a result. */
interface KeyringLike {
  seal(roomId: string, text: string, clientId: string): Promise<string>;
  open(roomId: string, authorId: string, clientId: string, body: string): Promise<{ ok: true; text: string } | { ok: false; detail: string }>;
  /** The keyText of a sealed attachment key naming `fileId`, or null (the E2E keyring's, whose `open` refuses file keys). */
  openFileKey?(roomId: string, authorId: string, clientId: string, sealed: string, fileId: string): Promise<string | null>;
}

/**
 * The envelopes to use: a registered implementation, else the chat store's own `keyring` when this build's store has
 * one (the E2E work adds it), else none.
 */
export function envelopesFor(store: object | null): AttachmentEnvelopes | null {
  if (envelopes) return envelopes;
  const k = (store as { keyring?: Partial<KeyringLike> | null } | null)?.keyring;
  if (!k || typeof k.seal !== 'function' || typeof k.open !== 'function') return null;
  const keyring = k as KeyringLike;
  return {
    seal: (roomId, clientId, text) => keyring.seal(roomId, text, clientId),
    open: async (m, envelope, fileId) => {
      if (typeof keyring.openFileKey === 'function') {
        const keyText = await keyring.openFileKey(m.roomId, m.authorId, m.clientId, envelope, fileId);
        if (!keyText) throw new AttachmentKeyError('The file key did not open on this device, or names another file.');
        return `${FILE_KEY_PREFIX}${fileId.toLowerCase()} ${keyText}`;
      }
      const r = await keyring.open(m.roomId, m.authorId, m.clientId, envelope);
      if (!r.ok) throw new AttachmentKeyError(`The file key did not open: ${r.detail}`);
      return r.text;
    },
  };
}

export class AttachmentKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentKeyError';
  }
}

/** The `key` an attachment carries in this room: keyText for plain rooms, an envelope sealed with the clientId for E2E. */
export async function sealAttachmentKey(
  room: { id: string; encrypted?: boolean },
  clientId: string,
  fileId: string,
  keyText: string,
  using: AttachmentEnvelopes | null = envelopes,
): Promise<string> {
  if (!room.encrypted) return keyText;
  if (!using) throw new AttachmentKeyError('Sharing files in end-to-end encrypted rooms is not available in the web client yet.');
  return using.seal(room.id, clientId, `${FILE_KEY_PREFIX}${fileId.toLowerCase()} ${keyText}`);
}

/** The keyText of an attachment: as is in plain rooms; opened, and checked to name this very file, in E2E rooms. */
export async function openAttachmentKey(message: ChatMessage, attachment: Attachment, using: AttachmentEnvelopes | null = envelopes): Promise<string> {
  if (!attachment.key.startsWith('e1.')) return attachment.key;
  if (!using) throw new AttachmentKeyError('This file is end-to-end encrypted; opening it is not available in the web client yet.');
  return parseFileKeyText(await using.open(message, attachment.key, attachment.fileId), attachment.fileId);
}

/** Checks an opened key envelope names `fileId` (so a server cannot move a key onto another file) and returns its keyText. */
export function parseFileKeyText(text: string, fileId: string): string {
  const parts = text.startsWith(FILE_KEY_PREFIX) ? text.slice(FILE_KEY_PREFIX.length).split(' ') : [];
  if (parts.length !== 2) throw new AttachmentKeyError('The file key is not a loom-file-key-v1 text.');
  if (parts[0] !== fileId.toLowerCase()) throw new AttachmentKeyError('The file key names another file; it was not opened.');
  return parts[1];
}

// ---- transport -------------------------------------------------------------------

/** files.ts's requests, with the signed-in user's access token (refreshed when it is about to expire). */
export const fileFetch: FileFetch = async (path, init = {}) => {
  const token = await api.accessTokenFor(30_000);
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return fetch(path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
};

/** The same requests, aborted by `signal` (cancel). */
export function abortable(fetchImpl: FileFetch, signal: AbortSignal): FileFetch {
  return (path, init) => fetchImpl(path, { ...init, signal });
}
