import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UploadList } from '../components/chat/Uploads';
import { FileTransferError, type FileDescriptor } from './files';
import { describeUploadError, UploadQueue, type UploadTransport } from './uploads';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A server in memory: each chunk PUT is a step the test releases, so progress can be watched between chunks. */
class FakeServer implements UploadTransport {
  created: string[] = [];
  removed: string[] = [];
  stored = new Map<string, Set<number>>();
  sends = 0;
  failAt: number | null = null;
  createError: unknown = null;
  private waiting: (() => void)[] = [];

  async create(_roomId: string, name: string, size: number, contentType: string | null): Promise<FileDescriptor> {
    if (this.createError) throw this.createError;
    const fileId = `f${this.created.length + 1}`;
    this.created.push(name);
    this.stored.set(fileId, new Set());
    return { fileId, roomId: 'r1', name, size, chunkSize: 4, chunks: Math.ceil(size / 4), contentType: contentType ?? undefined, key: 'k', nonce: 'n' };
  }

  // Like files.ts sendFile: skips chunks the server has, reports bytes done after each chunk (stored ones included).
  async send(file: FileDescriptor, _content: Blob, onProgress: (done: number) => void, signal: AbortSignal): Promise<void> {
    this.sends++;
    const have = this.stored.get(file.fileId)!;
    let done = 0;
    for (let i = 0; i < file.chunks; i++) {
      const len = Math.min(file.chunkSize, file.size - i * file.chunkSize);
      if (!have.has(i)) {
        await new Promise<void>((resolve) => this.waiting.push(resolve));
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        if (this.failAt === i) {
          this.failAt = null;
          throw new FileTransferError(503, 'the server answered 503: busy', '{"title":"Busy."}');
        }
        have.add(i);
      }
      done += len;
      onProgress(done);
    }
  }

  async remove(fileId: string) {
    this.removed.push(fileId);
  }

  /** Lets the next pending chunk PUT through. */
  async step() {
    await flush();
    this.waiting.shift()?.();
    await flush();
  }
}

const source = (name: string, size: number, type = 'application/octet-stream') => ({ name, size, type, blob: new Blob([new Uint8Array(size)]) });

describe('UploadQueue', () => {
  it('reports bytes stored per chunk and is ready at the end; take() hands over the descriptor', async () => {
    const server = new FakeServer();
    const q = new UploadQueue('r1', server);
    const seen: number[] = [];
    q.subscribe(() => seen.push(q.getState()[0]?.done ?? -1));
    q.add([source('notes.txt', 10, 'text/plain')]);
    expect(q.busy).toBe(true);
    await server.step();
    expect(q.getState()[0]).toMatchObject({ phase: 'uploading', done: 4 });
    await server.step();
    await server.step();
    expect(q.getState()[0]).toMatchObject({ phase: 'done', done: 10, contentType: 'text/plain' });
    expect(q.busy).toBe(false);
    expect(seen).toContain(8);
    const [d] = q.take();
    expect(d).toMatchObject({ fileId: 'f1', name: 'notes.txt', size: 10 });
    expect(q.getState()).toEqual([]);
  });

  it('resumes after a failure: Retry sends only the chunks the server lacks, under the same upload', async () => {
    const server = new FakeServer();
    server.failAt = 1;
    const q = new UploadQueue('r1', server);
    q.add([source('map.bin', 12)]);
    await server.step();
    await server.step();
    const failed = q.getState()[0];
    expect(failed).toMatchObject({ phase: 'failed', retryable: true, done: 4 });
    expect(failed.error).toBe('Upload stopped: the server answered 503: Busy.');
    q.retry(failed.id);
    await server.step();
    expect(q.getState()[0]).toMatchObject({ phase: 'uploading', done: 8 });
    await server.step();
    expect(q.getState()[0]).toMatchObject({ phase: 'done', done: 12 });
    expect(server.created).toEqual(['map.bin']);
    expect(server.sends).toBe(2);
  });

  it('cancel stops the upload and deletes the server’s copy', async () => {
    const server = new FakeServer();
    const q = new UploadQueue('r1', server);
    q.add([source('big.bin', 40)]);
    await server.step();
    q.cancel(q.getState()[0].id);
    expect(q.getState()).toEqual([]);
    await server.step();
    expect(server.removed).toEqual(['f1']);
  });

  it('says how large the server allows when it answers 413, and offers no retry', async () => {
    const server = new FakeServer();
    server.createError = new FileTransferError(
      413,
      'the server answered 413',
      JSON.stringify({ status: 413, title: 'Too large.', detail: 'size: must be at most 100000000 bytes.', errors: { size: ['must be at most 100000000 bytes.'] } }),
    );
    const q = new UploadQueue('r1', server);
    q.add([source('huge.iso', 20)]);
    await flush();
    await flush();
    const item = q.getState()[0];
    expect(item).toMatchObject({ phase: 'failed', retryable: false, error: 'Too large — size: must be at most 100000000 bytes.' });
    q.retry(item.id);
    expect(q.getState()[0].phase).toBe('failed');
  });

  it('uploads two files at a time and starts the third when one finishes', async () => {
    const server = new FakeServer();
    const q = new UploadQueue('r1', server);
    q.add([source('a', 4), source('b', 4), source('c', 4)]);
    await flush();
    await flush();
    expect(q.getState().map((i) => i.phase)).toEqual(['uploading', 'uploading', 'waiting']);
    await server.step();
    await flush();
    expect(q.getState().map((i) => i.phase)).toEqual(['done', 'uploading', 'uploading']);
  });

  it('take(ids) forgets only the uploads that went out', async () => {
    const server = new FakeServer();
    const q = new UploadQueue('r1', server);
    q.add([source('a', 4), source('b', 4)]);
    await server.step();
    await server.step();
    const [a] = q.ready;
    q.take([a.id]);
    expect(q.getState().map((i) => i.name)).toEqual(['b']);
  });
});

describe('describeUploadError', () => {
  it('names the field of a 400 and treats network failures as retryable', () => {
    const bad = new FileTransferError(400, 'x', JSON.stringify({ detail: 'name: must not contain "/".', errors: { name: ['must not contain "/".'] } }));
    expect(describeUploadError(bad)).toEqual({ text: 'name: must not contain "/".', retryable: false });
    expect(describeUploadError(new FileTransferError(undefined, 'the server could not be reached: TypeError'))).toEqual({ text: 'Upload stopped: the server could not be reached.', retryable: true });
  });
});

describe('UploadList', () => {
  it('shows a progress bar with the percent, Retry only when it can help, and the reason for a failure', () => {
    const q = new UploadQueue('r1', new FakeServer());
    const base = { contentType: null, descriptor: null, error: null, retryable: true };
    const html = renderToStaticMarkup(
      createElement(UploadList, {
        queue: q,
        items: [
          { ...base, id: 'u1', name: 'half.bin', size: 3_000_000, phase: 'uploading', done: 1_500_000 },
          { ...base, id: 'u2', name: 'flaky.bin', size: 10, phase: 'failed', done: 4, error: 'the server answered 503' },
          { ...base, id: 'u3', name: 'huge.iso', size: 10, phase: 'failed', done: 0, error: 'Too large — size: must be at most 100000000 bytes.', retryable: false },
        ],
      }),
    );
    expect(html).toContain('<progress max="100" value="50" aria-label="Uploading half.bin"></progress>');
    expect(html).toContain('50%');
    expect(html).toContain('3 MB');
    expect(html).toContain('aria-label="Retry flaky.bin"');
    expect(html).not.toContain('aria-label="Retry huge.iso"');
    expect(html).toContain('Too large — size: must be at most 100000000 bytes.');
    expect(html).toContain('aria-label="Cancel half.bin"');
    expect(html).toContain('aria-label="Remove huge.iso"');
  });
});
