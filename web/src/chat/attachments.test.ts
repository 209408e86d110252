import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageBody } from '../components/chat/MessageBody';
import {
  attachmentOf,
  canPreview,
  descriptorOf,
  downloadErrorText,
  envelopesFor,
  keyTextOf,
  openAttachmentKey,
  parseFileKeyText,
  percent,
  sealAttachmentKey,
  setAttachmentEnvelopes,
} from './attachments';
import { createSecret, FileIntegrityError, FileTransferError, openChunk, sealChunk, secretOf, toBase64Url, type FileDescriptor } from './files';
import type { Attachment, ChatMessage } from './socket';

const FILE_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function descriptor(): FileDescriptor {
  const s = createSecret();
  return { fileId: FILE_ID, roomId: 'r1', name: 'map.png', size: 5, chunkSize: 65536, chunks: 1, contentType: 'image/png', key: toBase64Url(s.key), nonce: toBase64Url(s.noncePrefix) };
}

const message = (attachments: Attachment[], extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: 'm1', roomId: 'r1', authorId: 'u1', clientId: 'c1', body: 'the map', replyTo: null, createdAt: '2026-01-01T00:00:00Z',
  edited: false, editedAt: null, deleted: false, reactions: {}, attachments, ...extra,
});

afterEach(() => setAttachmentEnvelopes(null));

describe('attachment keys', () => {
  it('keyText is base64url(K ‖ P), 54 characters, and a message’s attachment opens the sender’s chunks', async () => {
    const sent = descriptor();
    const keyText = keyTextOf(sent);
    expect(keyText).toMatch(/^[A-Za-z0-9_-]{54}$/);
    const sealed = await sealChunk(secretOf(sent), 0, 1, new TextEncoder().encode('hello'));
    const received = descriptorOf('r1', attachmentOf(sent, keyText), keyText);
    expect(received).toEqual(sent);
    expect(new TextDecoder().decode(await openChunk(secretOf(received), 0, 1, sealed))).toBe('hello');
  });

  it('refuses a keyText of the wrong length', () => {
    expect(() => descriptorOf('r1', attachmentOf(descriptor(), 'x'), 'AAAA')).toThrow(/malformed/);
  });

  it('plain rooms carry keyText as it is; encrypted rooms need the E2E seal, bound to the client id', async () => {
    expect(await sealAttachmentKey({ id: 'r1' }, 'c1', FILE_ID, 'KT')).toBe('KT');
    await expect(sealAttachmentKey({ id: 'r1', encrypted: true }, 'c1', FILE_ID, 'KT')).rejects.toThrow(/not available/);
    const sealedWith: string[] = [];
    setAttachmentEnvelopes({
      seal: async (roomId, clientId, text) => (sealedWith.push(`${roomId}|${clientId}|${text}`), `e1.${btoa(text)}`),
      open: async (_m, env) => atob(env.slice(3)),
    });
    const env = await sealAttachmentKey({ id: 'r1', encrypted: true }, 'c1', FILE_ID.toUpperCase(), 'KT');
    expect(sealedWith).toEqual([`r1|c1|loom-file-key-v1 ${FILE_ID} KT`]);
    const a = { ...attachmentOf(descriptor(), env) };
    expect(await openAttachmentKey(message([a]), a)).toBe('KT');
  });

  it('an opened key must name this very file: a key moved onto another file is refused', async () => {
    expect(parseFileKeyText(`loom-file-key-v1 ${FILE_ID} KT`, FILE_ID.toUpperCase())).toBe('KT');
    expect(() => parseFileKeyText(`loom-file-key-v1 ${FILE_ID} KT`, '0193a1b2-0000-7000-8000-000000000000')).toThrow(/another file/);
    expect(() => parseFileKeyText('hello there', FILE_ID)).toThrow(/not a loom-file-key-v1/);
    setAttachmentEnvelopes({ seal: async () => 'e1.x', open: async () => `loom-file-key-v1 0193a1b2-0000-7000-8000-000000000000 KT` });
    const a = attachmentOf(descriptor(), 'e1.anything');
    await expect(openAttachmentKey(message([a]), a)).rejects.toThrow(/another file/);
  });
});

describe('envelopesFor', () => {
  it('falls back to the chat store’s keyring (seal with the client id; open must succeed and name the file)', async () => {
    expect(envelopesFor({})).toBeNull();
    expect(envelopesFor({ keyring: null })).toBeNull();
    const calls: string[] = [];
    const store = {
      keyring: {
        seal: async (roomId: string, text: string, clientId: string) => (calls.push(`seal ${roomId} ${clientId} ${text}`), `e1.${btoa(text)}`),
        open: async (_r: string, _a: string, clientId: string, body: string) =>
          clientId === 'c1' ? { ok: true as const, text: atob(body.slice(3)) } : { ok: false as const, detail: 'bad signature' },
      },
    };
    const using = envelopesFor(store);
    const env = await sealAttachmentKey({ id: 'r1', encrypted: true }, 'c1', FILE_ID, 'KT', using);
    expect(calls).toEqual([`seal r1 c1 loom-file-key-v1 ${FILE_ID} KT`]);
    const a = attachmentOf(descriptor(), env);
    expect(await openAttachmentKey(message([a]), a, using)).toBe('KT');
    await expect(openAttachmentKey(message([a], { clientId: 'c2' }), a, using)).rejects.toThrow(/did not open: bad signature/);
  });
});

describe('envelopesFor with a keyring that opens file keys itself', () => {
  it('uses openFileKey (the keyring’s open refuses file-key texts) and still checks the file id', async () => {
    const store = {
      keyring: {
        seal: async (_roomId: string, text: string) => `e1.${btoa(text)}`,
        open: async () => ({ ok: false as const, detail: 'a file key, not a message' }),
        openFileKey: async (_r: string, _a: string, _c: string, sealed: string, fileId: string) => {
          const [, id, keyText] = atob(sealed.slice(3)).split(' ');
          return id === fileId.toLowerCase() ? keyText : null;
        },
      },
    };
    const using = envelopesFor(store);
    const env = await sealAttachmentKey({ id: 'r1', encrypted: true }, 'c1', FILE_ID, 'KT', using);
    const a = attachmentOf(descriptor(), env);
    expect(await openAttachmentKey(message([a]), a, using)).toBe('KT');
    const moved = { ...a, fileId: '0193a1b2-0000-7000-8000-000000000000' };
    await expect(openAttachmentKey(message([moved]), moved, using)).rejects.toThrow(/names another file/);
  });
});

describe('attachment display', () => {
  it('offers "Show image" for common image types under 10 MB only', () => {
    expect(canPreview({ contentType: 'image/png', size: 9_999_999 })).toBe(true);
    expect(canPreview({ contentType: 'image/png', size: 10_000_000 })).toBe(false);
    expect(canPreview({ contentType: 'image/svg+xml', size: 10 })).toBe(false);
    expect(canPreview({ contentType: 'application/pdf', size: 10 })).toBe(false);
    expect(canPreview({ contentType: null, size: 10 })).toBe(false);
  });

  it('clamps percentages', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 3)).toBe(100);
  });

  it('a 404 is a removed file; a failed chunk says which', () => {
    expect(downloadErrorText(new FileTransferError(404, 'x'))).toEqual({ removed: true, text: 'file removed' });
    expect(downloadErrorText(new FileIntegrityError(1, 'chunk 1 of 3 failed authentication')).text).toContain('chunk 1 of 3');
    expect(downloadErrorText(new FileTransferError(409, 'x', '{"detail":"not complete"}'))).toEqual({ removed: false, text: 'not complete' });
  });

  it('MessageBody lists each attachment with name, size, Download and, for an image, Show image; names are text', () => {
    const img = attachmentOf(descriptor(), 'k');
    const doc = { ...attachmentOf(descriptor(), 'k'), fileId: 'f2', name: '<b>notes</b>.txt', contentType: 'text/plain', size: 3_000_000 };
    const html = renderToStaticMarkup(createElement(MessageBody, { message: message([img, doc]) }));
    expect(html).toContain('the map');
    expect(html).toContain('map.png');
    expect(html).toContain('5 bytes');
    expect(html).toContain('aria-label="Download map.png"');
    expect(html.match(/Show image/g)).toHaveLength(1);
    expect(html).toContain('&lt;b&gt;notes&lt;/b&gt;.txt');
    expect(html).toContain('3 MB');
  });

  it('a tombstone shows no attachments, and a message from a server without attachments renders as before', () => {
    const gone = renderToStaticMarkup(createElement(MessageBody, { message: message([attachmentOf(descriptor(), 'k')], { deleted: true, body: null }) }));
    expect(gone).not.toContain('map.png');
    const old = message([]);
    delete old.attachments;
    expect(renderToStaticMarkup(createElement(MessageBody, { message: old }))).toBe('<p class="chat-msg__body">the map</p>');
  });
});
