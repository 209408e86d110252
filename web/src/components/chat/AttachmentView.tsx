import { useEffect, useRef, useState } from 'react';
import { useChatStore } from '../../chat/ChatContext';
import { canPreview, descriptorOf, envelopesFor, downloadErrorText, fileFetch, openAttachmentKey, percent } from '../../chat/attachments';
import { downloadFile } from '../../chat/files';
import { formatBytes } from '../../lib/format';
import type { Attachment, ChatMessage } from '../../chat/socket';

type Download =
  | { phase: 'idle' }
  | { phase: 'downloading'; done: number; then: 'save' | 'show' }
  | { phase: 'ready'; url: string }
  | { phase: 'failed'; text: string }
  | { phase: 'removed' };

/** Hands a downloaded file to the browser as a download under its own name. */
function save(url: string, name: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * One attached file: name and size, Download (with a progress bar; the chunks are fetched, checked and decrypted here
 * and saved through a Blob URL), and for small images "Show image" (a thumbnail of the same download). A file deleted
 * since answers 404: shown as "file removed".
 */
export function AttachmentView({ message, attachment }: { message: ChatMessage; attachment: Attachment }) {
  const store = useChatStore();
  const [state, setState] = useState<Download>({ phase: 'idle' });
  const [shown, setShown] = useState(false);
  const url = state.phase === 'ready' ? state.url : null;
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  // The Blob URL holds the whole file in memory: release it with the message.
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  const fetchIt = async (then: 'save' | 'show') => {
    if (url) {
      if (then === 'save') save(url, attachment.name);
      else setShown(true);
      return;
    }
    if (state.phase === 'downloading') return;
    setState({ phase: 'downloading', done: 0, then });
    try {
      const keyText = await openAttachmentKey(message, attachment, envelopesFor(store));
      const blob = await downloadFile(fileFetch, descriptorOf(message.roomId, attachment, keyText), (done) => {
        if (alive.current) setState({ phase: 'downloading', done, then });
      });
      if (!alive.current) return;
      const made = URL.createObjectURL(blob);
      setState({ phase: 'ready', url: made });
      if (then === 'save') save(made, attachment.name);
      else setShown(true);
    } catch (err) {
      if (!alive.current) return;
      const { removed, text } = downloadErrorText(err);
      setState(removed ? { phase: 'removed' } : { phase: 'failed', text });
    }
  };

  const previewable = canPreview(attachment);
  return (
    <div className="chat-file" data-testid="attachment" data-file-id={attachment.fileId}>
      <div className="chat-file__row">
        <span className="chat-file__name">{attachment.name}</span>
        <span className="muted chat-file__size">{formatBytes(attachment.size)}</span>
        {state.phase === 'removed' ? (
          <span className="muted chat-file__removed">file removed</span>
        ) : (
          <>
            <button type="button" className="btn btn--sm" onClick={() => void fetchIt('save')} disabled={state.phase === 'downloading'} aria-label={`Download ${attachment.name}`}>
              {url ? 'Save' : 'Download'}
            </button>
            {previewable && !shown && (
              <button type="button" className="btn btn--sm" onClick={() => void fetchIt('show')} disabled={state.phase === 'downloading'}>
                Show image
              </button>
            )}
          </>
        )}
      </div>
      {state.phase === 'downloading' && (
        <div className="chat-file__progress">
          <progress max={100} value={percent(state.done, attachment.size)} aria-label={`Downloading ${attachment.name}`} />
          <span className="muted">{percent(state.done, attachment.size)}%</span>
        </div>
      )}
      {state.phase === 'failed' && (
        <p className="error-text" role="alert">
          {state.text}
        </p>
      )}
      {shown && url && <img className="chat-file__image" src={url} alt={attachment.name} />}
    </div>
  );
}
