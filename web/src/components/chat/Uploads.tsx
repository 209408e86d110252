import { useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { attachmentOf, envelopesFor, keyTextOf, percent, sealAttachmentKey } from '../../chat/attachments';
import { newClientId } from '../../chat/socket';
import type { ChatStore } from '../../chat/store';
import { MAX_ATTACHMENTS, uploadQueueFor, type UploadQueue, type UploadSource } from '../../chat/uploads';
import { formatBytes } from '../../lib/format';

/**
 * The room's upload queue, re-rendering on every change (progress included), and `send`, which sends a message with
 * the finished uploads attached (up to 10; their keys sealed for the room) or a plain message when there are none.
 */
export function useUploads(store: ChatStore, room: { id: string; encrypted?: boolean }) {
  const queue = uploadQueueFor(room.id);
  const items = useSyncExternalStore(queue.subscribe, queue.getState, queue.getState);
  const [error, setError] = useState<string | null>(null);
  const send = async (body: string, replyTo: string | null) => {
    const files = queue.ready.slice(0, MAX_ATTACHMENTS);
    if (files.length === 0) return store.send(room.id, body, replyTo);
    // An E2E room's key envelope is bound to the message's client id, so the id is chosen before sealing.
    const clientId = newClientId();
    try {
      const attachments = await Promise.all(
        files.map(async (f) => attachmentOf(f.descriptor!, await sealAttachmentKey(room, clientId, f.descriptor!.fileId, keyTextOf(f.descriptor!), envelopesFor(store)))),
      );
      queue.take(files.map((f) => f.id));
      setError(null);
      store.send(room.id, body.trim() ? body : files.map((f) => f.name).join(', '), replyTo, attachments, clientId);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return { queue, items, send, error, clearError: () => setError(null) };
}

const sources = (files: FileList | null | undefined): UploadSource[] =>
  [...(files ?? [])].map((f) => ({ name: f.name, size: f.size, type: f.type, blob: f }));

/** Handlers that make an element a drop target for files (the message list). */
export function fileDropTarget(queue: UploadQueue) {
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  return {
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      queue.add(sources(e.dataTransfer.files));
    },
  };
}

/** The composer's attach button: picks files and queues them for upload. */
export function AttachButton({ queue, disabled }: { queue: UploadQueue; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(e) => {
          queue.add(sources(e.currentTarget.files));
          e.currentTarget.value = '';
        }}
      />
      <button type="button" className="btn chat-attach" onClick={() => input.current?.click()} disabled={disabled} title="Attach files (or drop them on the messages)">
        Attach
      </button>
    </>
  );
}

/** Files being attached: a progress bar each (bytes sealed and stored / size), Cancel, and Retry after a failure. */
export function UploadList({ queue, items, error }: { queue: UploadQueue; items: ReturnType<typeof useUploads>['items']; error?: string | null }) {
  if (items.length === 0 && !error) return null;
  return (
    <>
    {error && (
      <p className="error-text" role="alert">
        {error}
      </p>
    )}
    <ul className="chat-uploads" aria-label="Files to send">
      {items.map((i) => {
        const pct = percent(i.done, i.size);
        return (
          <li key={i.id} className={`chat-upload chat-upload--${i.phase}`} data-testid="upload" data-phase={i.phase}>
            <span className="chat-file__name">{i.name}</span>
            <span className="muted chat-file__size">{formatBytes(i.size)}</span>
            <progress max={100} value={pct} aria-label={`Uploading ${i.name}`} />
            <span className="muted chat-upload__pct" data-testid="upload-percent">
              {i.phase === 'done' ? 'ready' : i.phase === 'waiting' && !i.done ? 'waiting' : `${pct}%`}
            </span>
            {i.phase === 'failed' && (
              <span className="error-text" role="alert">
                {i.error}
              </span>
            )}
            {i.phase === 'failed' && i.retryable && (
              <button type="button" className="btn btn--sm" onClick={() => queue.retry(i.id)} aria-label={`Retry ${i.name}`}>
                Retry
              </button>
            )}
            <button type="button" className="btn btn--sm" onClick={() => queue.cancel(i.id)} aria-label={`${i.phase === 'uploading' || i.phase === 'waiting' ? 'Cancel' : 'Remove'} ${i.name}`}>
              {i.phase === 'uploading' || i.phase === 'waiting' ? 'Cancel' : 'Remove'}
            </button>
          </li>
        );
      })}
    </ul>
    </>
  );
}
