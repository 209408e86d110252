import type { ChatMessage } from '../../chat/socket';
import { MessageBody } from './MessageBody';
import { authorName } from './names';

/**
 * A message and its replies. Replies come from the messages loaded so far (the API has no per-thread query), so the
 * panel offers to page back when older messages may hold more.
 */
export function ThreadPanel({
  root,
  replies,
  me,
  hasMore,
  onLoadEarlier,
  onReply,
  onClose,
}: {
  root: ChatMessage;
  replies: ChatMessage[];
  me: string | null;
  hasMore: boolean;
  onLoadEarlier: () => void;
  onReply: () => void;
  onClose: () => void;
}) {
  return (
    <aside className="chat-thread" aria-label="Thread">
      <div className="chat-thread__head">
        <h2>Thread</h2>
        <button type="button" className="btn btn--sm" onClick={onClose}>
          Close thread
        </button>
      </div>
      <div className="chat-thread__root">
        <strong>{authorName(root.authorId, me)}</strong>
        <MessageBody message={root} />
      </div>
      <ol className="chat-thread__replies" data-testid="thread-replies">
        {replies.map((r) => (
          <li key={r.id}>
            <strong>{authorName(r.authorId, me)}</strong>
            <MessageBody message={r} />
          </li>
        ))}
      </ol>
      {replies.length === 0 && <p className="muted">No replies yet.</p>}
      {hasMore && (
        <button type="button" className="btn btn--sm" onClick={onLoadEarlier}>
          Load earlier messages
        </button>
      )}
      <button type="button" className="btn btn--sm btn--primary" onClick={onReply}>
        Reply in thread
      </button>
    </aside>
  );
}
