/**
 * The files a user is attaching in one room: each is registered, sealed and uploaded by files.ts, with progress,
 * cancel and retry (which resumes: the server's status says which chunks it already has, and only those missing are
 * sent). Finished uploads wait to go out with the next message. One queue per room for the session, so switching rooms
 * does not lose an upload in flight.
 */
import { abortable, fileFetch, problemText } from './attachments';
import { createUpload, FileTransferError, sendFile, type FileDescriptor, type FileFetch } from './files';

export type UploadPhase = 'waiting' | 'uploading' | 'failed' | 'done';

export interface UploadItem {
  /** Local id (not the server's file id, which exists only once the upload is registered). */
  id: string;
  name: string;
  size: number;
  contentType: string | null;
  phase: UploadPhase;
  /** Plaintext bytes sealed and stored by the server. */
  done: number;
  error: string | null;
  /** False when trying again cannot help (too large, a refused name): the user can only remove it. */
  retryable: boolean;
  /** Set once the server registered the upload; holds the key, so it is kept until the file is shared. */
  descriptor: FileDescriptor | null;
}

/** What the queue needs from the server; tests hand in a fake. */
export interface UploadTransport {
  create(roomId: string, name: string, size: number, contentType: string | null): Promise<FileDescriptor>;
  send(file: FileDescriptor, content: Blob, onProgress: (done: number) => void, signal: AbortSignal): Promise<void>;
  remove(fileId: string): Promise<void>;
}

/** A file to attach: a browser File, or any Blob with a name. */
export interface UploadSource {
  name: string;
  size: number;
  type: string;
  blob: Blob;
}

/** A message carries at most this many files (the server's limit). */
export const MAX_ATTACHMENTS = 10;
/** At most this many files of a queue upload at once. */
const PARALLEL = 2;

export function httpTransport(fetchImpl: FileFetch = fileFetch): UploadTransport {
  return {
    create: (roomId, name, size, contentType) => createUpload(fetchImpl, roomId, name, size, contentType ?? undefined),
    send: async (file, content, onProgress, signal) => {
      await sendFile(abortable(fetchImpl, signal), file, content, (done) => onProgress(done));
    },
    remove: async (fileId) => {
      await fetchImpl(`/api/chat/files/${fileId}`, { method: 'DELETE' });
    },
  };
}

/** Words for a failed create or send, and whether retrying may help. */
export function describeUploadError(err: unknown): { text: string; retryable: boolean } {
  if (err instanceof FileTransferError) {
    if (err.status === 413) return { text: `Too large — ${problemText(err, 'size') ?? 'the server refused the size'}`, retryable: false };
    if (err.status === 400) return { text: problemText(err) ?? err.message, retryable: false };
    if (err.status === 403 || err.status === 404) return { text: problemText(err) ?? 'You cannot upload to this room.', retryable: false };
    const said = problemText(err);
    if (err.status === undefined) return { text: 'Upload stopped: the server could not be reached.', retryable: true };
    return { text: `Upload stopped: the server answered ${err.status}${said ? `: ${said.replace(/\.$/, '')}` : ''}.`, retryable: true };
  }
  return { text: err instanceof Error ? err.message : String(err), retryable: true };
}

export class UploadQueue {
  private items: UploadItem[] = [];
  private readonly blobs = new Map<string, Blob>();
  private readonly running = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private seq = 0;

  constructor(
    readonly roomId: string,
    private readonly transport: UploadTransport = httpTransport(),
  ) {}

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getState = (): readonly UploadItem[] => this.items;

  /** Whether anything is still being uploaded or waiting to be. */
  get busy(): boolean {
    return this.items.some((i) => i.phase === 'waiting' || i.phase === 'uploading');
  }

  /** Whether a message should wait: uploads running, waiting, or failed (to be retried or removed first). */
  get unsettled(): boolean {
    return this.items.some((i) => i.phase !== 'done');
  }

  /** Finished uploads, in the order they were added. */
  get ready(): UploadItem[] {
    return this.items.filter((i) => i.phase === 'done');
  }

  add(sources: Iterable<UploadSource>): void {
    for (const s of sources) {
      const id = `u${++this.seq}`;
      this.blobs.set(id, s.blob);
      this.items = [
        ...this.items,
        { id, name: s.name, size: s.size, contentType: s.type || null, phase: 'waiting', done: 0, error: null, retryable: true, descriptor: null },
      ];
    }
    this.emit();
    this.pump();
  }

  /** Stops an upload (or drops a finished one before it is shared) and removes the server's copy, if any. */
  cancel(id: string): void {
    const item = this.items.find((i) => i.id === id);
    if (!item) return;
    this.running.get(id)?.abort();
    this.running.delete(id);
    this.blobs.delete(id);
    this.items = this.items.filter((i) => i.id !== id);
    this.emit();
    if (item.descriptor) void this.transport.remove(item.descriptor.fileId).catch(() => {});
    this.pump();
  }

  /** Tries a failed upload again; with a descriptor already registered, only the chunks the server lacks are sent. */
  retry(id: string): void {
    const item = this.items.find((i) => i.id === id);
    if (!item || item.phase !== 'failed' || !item.retryable) return;
    this.patch(id, { phase: 'waiting', error: null });
    this.pump();
  }

  /** Forgets finished uploads that went out with a message (their keys went with it); all finished ones by default. */
  take(ids?: readonly string[]): FileDescriptor[] {
    const done = this.ready.filter((i) => !ids || ids.includes(i.id));
    for (const i of done) this.blobs.delete(i.id);
    this.items = this.items.filter((i) => !done.includes(i));
    this.emit();
    return done.map((i) => i.descriptor!);
  }

  private pump(): void {
    for (const item of this.items) {
      if (this.running.size >= PARALLEL) return;
      if (item.phase === 'waiting' && !this.running.has(item.id)) void this.run(item.id);
    }
  }

  private async run(id: string): Promise<void> {
    const controller = new AbortController();
    this.running.set(id, controller);
    this.patch(id, { phase: 'uploading' });
    const current = () => (controller.signal.aborted ? undefined : this.items.find((i) => i.id === id));
    try {
      let item = current();
      const blob = this.blobs.get(id);
      if (!item || !blob) return;
      let descriptor = item.descriptor;
      if (!descriptor) {
        descriptor = await this.transport.create(this.roomId, item.name, item.size, item.contentType);
        if (!current()) {
          // Cancelled while registering: the cancel did not know the file id yet.
          void this.transport.remove(descriptor.fileId).catch(() => {});
          return;
        }
        this.patch(id, { descriptor });
      }
      await this.transport.send(descriptor, blob, (done) => current() && this.patch(id, { done }), controller.signal);
      item = current();
      if (item) this.patch(id, { phase: 'done', done: item.size });
    } catch (err) {
      if (!current()) return;
      const { text, retryable } = describeUploadError(err);
      this.patch(id, { phase: 'failed', error: text, retryable });
    } finally {
      if (this.running.get(id) === controller) this.running.delete(id);
      this.pump();
    }
  }

  private patch(id: string, patch: Partial<UploadItem>): void {
    this.items = this.items.map((i) => (i.id === id ? { ...i, ...patch } : i));
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

const queues = new Map<string, UploadQueue>();

/** The session's queue for a room. */
export function uploadQueueFor(roomId: string): UploadQueue {
  let q = queues.get(roomId);
  if (!q) queues.set(roomId, (q = new UploadQueue(roomId)));
  return q;
}
