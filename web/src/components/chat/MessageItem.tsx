import { useState } from 'react';
import { api } from '../../api/client';
import { toProblem } from '../../api/problem';
import { useChatStore } from '../../chat/ChatContext';
import type { ChatMessage } from '../../chat/socket';
import { formatDateTime } from '../../lib/format';
import { MessageBody } from './MessageBody';
import { describeOpened, useMessageText, useOpenedBody } from './messageText';
import { authorName } from './names';

export const COMMON_EMOJI = ['👍', '❤️', '😂', '🎉', '😮', '👀'];

interface Revision {
  body: string;
  revisedAt: string;
}

/** One message: author, time, body, edited marker with history, reactions, and the actions the user may take. */
export function MessageItem({
  message,
  me,
  online,
  parent,
  replies,
  canModerate,
  mine,
  onReply,
  onThread,
  onEdit,
  onDelete,
  onReact,
}: {
  message: ChatMessage;
  me: string | null;
  online: boolean;
  parent: ChatMessage | null | undefined;
  replies: number;
  canModerate: boolean;
  mine: Set<string>;
  onReply: () => void;
  onThread?: () => void;
  onEdit: (body: string) => Promise<boolean>;
  onDelete: () => void;
  onReact: (emoji: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [history, setHistory] = useState<Revision[] | string | null>(null);
  const own = message.authorId === me;
  const name = authorName(message.authorId, me);
  const store = useChatStore();
  const opened = useOpenedBody(message);
  const parentText = useMessageText(parent ?? null);

  const showHistory = async () => {
    if (history) return setHistory(null);
    try {
      const revisions = await api.get<Revision[]>(`/api/chat/messages/${message.id}/history`);
      // In encrypted rooms earlier bodies are envelopes under the same clientId: open each as the body is opened.
      setHistory(await Promise.all(revisions.map(async (h) => ({
        ...h, body: store ? describeOpened(await store.openRevision(message, h.body)) : h.body,
      }))));
    } catch (err) {
      setHistory(toProblem(err).summary);
    }
  };

  return (
    <li className={`chat-msg${own ? ' chat-msg--own' : ''}`} data-testid="chat-message" data-message-id={message.id}>
      <div className="chat-msg__head">
        <span role="img" className={`presence-dot${online ? ' presence-dot--on' : ''}`} title={online ? 'Online' : 'Offline'} aria-label={online ? 'online' : 'offline'} />
        <strong className="chat-msg__author">{name}</strong>
        <time className="muted" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt)}
        </time>
        {message.edited && !message.deleted && (
          <button type="button" className="chat-msg__edited" onClick={showHistory} aria-expanded={history !== null}>
            edited
          </button>
        )}
      </div>
      {parent !== undefined && (
        <blockquote className="chat-msg__quote" data-testid="quoted-parent">
          {parent ? (
            <>
              <strong>{authorName(parent.authorId, me)}</strong>: {parentText}
            </>
          ) : (
            'Reply to an earlier message'
          )}
        </blockquote>
      )}
      {history !== null && (
        <div className="chat-popover" role="dialog" aria-label="Edit history">
          {typeof history === 'string' ? (
            <p className="error-text">{history}</p>
          ) : history.length === 0 ? (
            <p className="muted">No earlier versions.</p>
          ) : (
            <ol>
              {history.map((h, i) => (
                <li key={i}>
                  <span className="muted">{formatDateTime(h.revisedAt)}</span> {h.body}
                </li>
              ))}
            </ol>
          )}
          <button type="button" className="btn btn--sm" onClick={() => setHistory(null)}>
            Close
          </button>
        </div>
      )}
      {editing !== null ? (
        <form
          className="chat-msg__edit"
          onSubmit={async (e) => {
            e.preventDefault();
            if (editing.trim() && (await onEdit(editing))) setEditing(null);
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            Edit message
          </label>
          <textarea id={`edit-${message.id}`} value={editing} onChange={(e) => setEditing(e.target.value)} rows={2} maxLength={4000} autoFocus />
          <button type="submit" className="btn btn--primary btn--sm">
            Save
          </button>
          <button type="button" className="btn btn--sm" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <MessageBody message={message} />
      )}
      {Object.keys(message.reactions).length > 0 && (
        <div className="chat-reactions" aria-label="Reactions">
          {Object.entries(message.reactions).map(([emoji, count]) => (
            <button
              key={emoji}
              type="button"
              className={`chat-reaction${mine.has(`${message.id}:${emoji}`) ? ' chat-reaction--mine' : ''}`}
              aria-pressed={mine.has(`${message.id}:${emoji}`)}
              aria-label={`${emoji} ${count}`}
              onClick={() => onReact(emoji)}
              data-testid="reaction"
            >
              {emoji} {count}
            </button>
          ))}
        </div>
      )}
      {!message.deleted && (
        <div className="chat-msg__actions">
          <button type="button" className="btn btn--sm" onClick={onReply}>
            Reply
          </button>
          {onThread && (
            <button type="button" className="btn btn--sm" onClick={onThread}>
              {replies > 0 ? `Thread (${replies})` : 'Thread'}
            </button>
          )}
          <button type="button" className="btn btn--sm" onClick={() => setPicking((p) => !p)} aria-expanded={picking}>
            React
          </button>
          {own && opened?.ok && (
            <button type="button" className="btn btn--sm" onClick={() => setEditing(opened.text)}>
              Edit
            </button>
          )}
          {(own || canModerate) && (
            <button type="button" className="btn btn--sm btn--danger" onClick={onDelete}>
              Delete
            </button>
          )}
          {picking && (
            <span className="chat-picker" role="group" aria-label="Pick a reaction">
              {COMMON_EMOJI.map((e) => (
                <button
                  key={e}
                  type="button"
                  className="chat-reaction"
                  aria-label={`React ${e}`}
                  onClick={() => {
                    setPicking(false);
                    onReact(e);
                  }}
                >
                  {e}
                </button>
              ))}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
