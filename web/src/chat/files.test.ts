import { describe, expect, it } from 'vitest';
import {
  chunkAad,
  chunkCount,
  chunkNonce,
  createSecret,
  downloadFile,
  FileIntegrityError,
  fromBase64Url,
  openChunk,
  plainLength,
  sealChunk,
  sendFile,
  toBase64Url,
  type FileDescriptor,
  type FileFetch,
} from './files';
// The same file the C# tests read (ChunkCipherTests); written by tests/vectors/chat-files.py, a third implementation.
import vectorsText from '../../../tests/vectors/chat-files.json?raw';

interface VectorChunk {
  index: number;
  nonce: string;
  aad: string;
  sealed: string;
}
interface VectorCase {
  name: string;
  key: string;
  noncePrefix: string;
  size: number;
  chunkSize: number;
  plaintext: string;
  chunks: VectorChunk[];
}

const hex = (text: string) => new Uint8Array(text.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const vectors = JSON.parse(vectorsText) as { cases: VectorCase[] };

describe('chunk crypto against the shared vectors', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const secret = { key: hex(c.key), noncePrefix: hex(c.noncePrefix) };
    const plaintext = hex(c.plaintext);
    const chunks = chunkCount(c.size, c.chunkSize);
    expect(chunks).toBe(c.chunks.length);
    const opened: number[] = [];
    for (const v of c.chunks) {
      const start = v.index * c.chunkSize;
      const plain = plaintext.slice(start, start + plainLength(c.size, c.chunkSize, v.index));
      expect(toHex(chunkNonce(secret, v.index))).toBe(v.nonce);
      expect(toHex(chunkAad(secret, v.index, chunks))).toBe(v.aad);
      expect(toHex(await sealChunk(secret, v.index, chunks, plain))).toBe(v.sealed);
      opened.push(...(await openChunk(secret, v.index, chunks, hex(v.sealed))));
    }
    expect(toHex(new Uint8Array(opened))).toBe(c.plaintext);
  });
});

describe('chunk crypto refuses what was not sealed so', () => {
  const c = vectors.cases[0];
  const secret = { key: hex(c.key), noncePrefix: hex(c.noncePrefix) };
  const chunks = c.chunks.length;

  it('a flipped byte', async () => {
    const sealed = hex(c.chunks[1].sealed);
    sealed[3] ^= 0x01;
    await expect(openChunk(secret, 1, chunks, sealed)).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it('a chunk moved to another index', async () => {
    await expect(openChunk(secret, 0, chunks, hex(c.chunks[1].sealed))).rejects.toThrow(/chunk 0 of 3 failed authentication/);
  });

  it('a file truncated to fewer chunks (the last flag and count are bound)', async () => {
    await expect(openChunk(secret, 1, 2, hex(c.chunks[1].sealed))).rejects.toBeInstanceOf(FileIntegrityError);
  });

  it('another key', async () => {
    await expect(openChunk(createSecret(), 0, chunks, hex(c.chunks[0].sealed))).rejects.toBeInstanceOf(FileIntegrityError);
  });
});

describe('layout and encoding', () => {
  it('counts chunks and the short last one', () => {
    expect(chunkCount(3 * 65536 + 1, 65536)).toBe(4);
    expect(plainLength(3 * 65536 + 1, 65536, 3)).toBe(1);
    expect(plainLength(65536, 65536, 0)).toBe(65536);
    expect(() => plainLength(10, 4, 3)).toThrow(RangeError);
  });

  it('round-trips base64url without padding', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0x00, 0x01, 0x3e]);
    expect(toBase64Url(bytes)).toBe('-_8AAT4');
    expect(Array.from(fromBase64Url('-_8AAT4'))).toEqual(Array.from(bytes));
  });
});

/** An in-memory server with the REST contract's behaviour for one file, to test resume and download. */
function fakeServer(size: number, chunkSize: number) {
  const chunks = chunkCount(size, chunkSize);
  const stored = new Map<number, Uint8Array>();
  const puts: number[] = [];
  let complete = false;
  let failNextPut = false;
  const fetchImpl: FileFetch = async (path, init) => {
    const method = init?.method ?? 'GET';
    if (method === 'POST' && path.endsWith('/files')) {
      return Response.json({ fileId: 'f1', chunkSize, chunks }, { status: 201 });
    }
    if (method === 'GET' && path === '/api/chat/files/f1') {
      const received = [...stored.keys()].sort((a, b) => a - b).map((i) => [i, i]);
      return Response.json({ id: 'f1', size, chunkSize, chunks, received, complete });
    }
    if (method === 'POST' && path.endsWith('/complete')) {
      complete = stored.size === chunks;
      return Response.json({}, { status: complete ? 200 : 409 });
    }
    const n = Number(path.split('/').pop());
    if (method === 'PUT') {
      if (failNextPut) {
        failNextPut = false;
        return new Response('busy', { status: 503 });
      }
      puts.push(n);
      stored.set(n, new Uint8Array(init?.body as Uint8Array));
      return new Response(null, { status: 201 });
    }
    return new Response(stored.get(n) as Uint8Array<ArrayBuffer>, { status: 200 });
  };
  return { fetchImpl, stored, puts, failNext: () => (failNextPut = true) };
}

describe('upload and download', () => {
  const size = 5 * 1000 + 7;
  const chunkSize = 1000;
  const content = crypto.getRandomValues(new Uint8Array(size));
  const secret = createSecret();
  const file: FileDescriptor = {
    fileId: 'f1',
    roomId: 'r1',
    name: 'notes.bin',
    size,
    chunkSize,
    chunks: chunkCount(size, chunkSize),
    key: toBase64Url(secret.key),
    nonce: toBase64Url(secret.noncePrefix),
  };

  it('resumes: only the missing chunks are sent, a failed one is retried, and the download matches', async () => {
    const server = fakeServer(size, chunkSize);
    for (const i of [0, 2]) {
      const start = i * chunkSize;
      server.stored.set(i, await sealChunk(secret, i, file.chunks, content.slice(start, start + chunkSize)));
    }
    server.failNext();
    const progress: number[] = [];
    const sent = await sendFile(server.fetchImpl, file, new Blob([content]), (done) => progress.push(done));

    expect(sent).toBe(4);
    expect(server.puts).toEqual([1, 3, 4, 5]);
    expect(progress.at(-1)).toBe(size);

    const blob = await downloadFile(server.fetchImpl, file);
    expect(toHex(new Uint8Array(await blob.arrayBuffer()))).toBe(toHex(content));
  });

  it('reports a tampered chunk on download', async () => {
    const server = fakeServer(size, chunkSize);
    await sendFile(server.fetchImpl, file, new Blob([content]));
    server.stored.get(2)![10] ^= 0x80;
    await expect(downloadFile(server.fetchImpl, file)).rejects.toThrow(/chunk 2 of 6 failed authentication/);
  });
});
