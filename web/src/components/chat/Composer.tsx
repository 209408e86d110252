import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ChatMessage } from '../../chat/socket';
import { useMessageText } from './messageText';
import { authorName } from './names';

const TYPING_EVERY_MS = 3_000;

/**
 * Message box: Enter sends, Shift+Enter is a new line. `attachSlot` is where a file picker (web/src/chat/files.ts)
 * goes; `replyTo` shows the quoted parent above the box.
 */
export function Composer({
  roomName,
  me,
  replyTo,
  onCancelReply,
  onSend,
  onTyping,
  attachSlot,
  filesReady,
  filesBusy,
  disabled,
}: {
  roomName: string;
  me: string | null;
  replyTo: ChatMessage | null;
  onCancelReply: () => void;
  onSend: (body: string) => void;
  onTyping: () => void;
  attachSlot?: ReactNode;
  /** Finished uploads wait to be sent: Send works with an empty box (the message then names the files). */
  filesReady?: boolean;
  /** Uploads running or failed: Send waits for them, so a message never goes out without a file the user attached. */
  filesBusy?: boolean;
  disabled?: boolean;
}) {
  const [text, setText] = useState('');
  const lastTyping = useRef(0);
  const replyText = useMessageText(replyTo);

  const submit = () => {
    const body = text.trim();
    if ((!body && !filesReady) || filesBusy || disabled) return;
    onSend(text);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {replyTo && (
        <div className="chat-composer__reply" data-testid="replying-to">
          <span>
            Replying to <strong>{authorName(replyTo.authorId, me)}</strong>: {replyText}
          </span>
          <button type="button" className="btn btn--sm" onClick={onCancelReply} aria-label="Cancel reply">
            ×
          </button>
        </div>
      )}
      <div className="chat-composer__row">
        {attachSlot}
        <label className="visually-hidden" htmlFor="chat-input">
          Message {roomName}
        </label>
        <textarea
          id="chat-input"
          rows={2}
          value={text}
          maxLength={4000}
          placeholder={`Message ${roomName} (Enter sends, Shift+Enter for a new line)`}
          onChange={(e) => {
            setText(e.target.value);
            const now = Date.now();
            if (now - lastTyping.current > TYPING_EVERY_MS) {
              lastTyping.current = now;
              onTyping();
            }
          }}
          onKeyDown={onKeyDown}
          disabled={disabled}
        />
        <button type="submit" className="btn btn--primary" disabled={disabled || filesBusy || (!text.trim() && !filesReady)} title={filesBusy ? 'Waiting for the uploads (retry or remove a failed one)' : undefined}>
          Send
        </button>
      </div>
    </form>
  );
}
