import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useChatState, useChatStore } from '../chat/ChatContext';
import type { ChatMessage } from '../chat/socket';
import type { ChatRoom } from '../chat/store';
import { Composer } from '../components/chat/Composer';
import { InviteButton } from '../components/chat/InviteButton';
import { MessageItem } from '../components/chat/MessageItem';
import { RoomSidebar } from '../components/chat/RoomSidebar';
import { LockIcon } from '../components/chat/LockIcon';
import { SafetyPanel } from '../components/chat/SafetyPanel';
import { ThreadPanel } from '../components/chat/ThreadPanel';
import { authorName } from '../components/chat/names';
import { ChatSearch } from '../components/chat/ChatSearch';
import { AttachButton, fileDropTarget, UploadList, useUploads } from '../components/chat/Uploads';
import { useMessageFocus } from '../components/chat/useMessageFocus';
import { EmptyState, Spinner, usePageTitle } from '../components/ui';

export function ChatPage() {
  const { roomId = null } = useParams();
  const store = useChatStore();
  const state = useChatState();
  const room = state?.rooms?.find((r) => r.id === roomId) ?? null;
  usePageTitle(room ? roomTitle(room) : 'Chat');

  // Opening the page refreshes the lists: public rooms made since are not announced over the socket.
  useEffect(() => {
    void store?.loadRooms();
    // First use of chat in this browser: make and register this device's encryption keys.
    void store?.ensureDevice();
  }, [store]);

  if (!store || !state) {
    return (
      <div className="page">
        <Spinner label="Connecting to chat…" />
      </div>
    );
  }

  return (
    <div className="page chat-page">
      <div className="page-head">
        <div>
          <h1>Chat</h1>
          <p className="muted" data-testid="chat-status">
            {state.status === 'ready' ? 'Connected' : state.status === 'offline' ? 'Reconnecting…' : 'Connecting…'}
          </p>
        </div>
      </div>
      {state.roomsError && <p className="error-text" role="alert">{state.roomsError}</p>}
      {state.deviceError && <p className="error-text" role="alert">{state.deviceError}</p>}
      <div className="chat-layout">
        <RoomSidebar rooms={state.rooms ?? []} currentId={roomId} onChanged={() => void store.loadRooms()} searchSlot={<ChatSearch currentRoomId={roomId} />} />
        {roomId && room?.joined ? (
          <RoomView key={roomId} roomId={roomId} />
        ) : roomId && state.rooms ? (
          <section className="chat-main">
            <EmptyState title="Not in this room">Join it from the list, or with an invite code.</EmptyState>
          </section>
        ) : (
          <section className="chat-main">
            <EmptyState title="Pick a room">Choose a room on the left, make a new one, or join with an invite code.</EmptyState>
          </section>
        )}
      </div>
    </div>
  );
}

function RoomView({ roomId }: { roomId: string }) {
  const store = useChatStore()!;
  const state = useChatState()!;
  const room = state.rooms!.find((r) => r.id === roomId)!;
  const rs = state.byRoom[roomId];
  const me = state.userId;
  const messages = useMemo(() => rs?.messages ?? [], [rs]);
  const pending = state.pending.filter((p) => p.roomId === roomId);
  const typing = state.typing[roomId] ?? [];
  const online = new Set(rs?.online ?? []);
  const canModerate = room.role === 'owner' || room.role === 'moderator';
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [threadId, setThreadId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const heightBeforePaging = useRef<number | null>(null);
  const [bottomVisible, setBottomVisible] = useState(false);
  const [pageVisible, setPageVisible] = useState(() => document.visibilityState === 'visible');
  const uploads = useUploads(store, room);
  useMessageFocus({ store, roomId, messages, loaded: !!rs?.loaded, listRef, atBottom });

  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);
  const replyCounts = useMemo(() => {
    const c = new Map<string, number>();
    for (const m of messages) if (m.replyTo) c.set(m.replyTo, (c.get(m.replyTo) ?? 0) + 1);
    return c;
  }, [messages]);

  useEffect(() => {
    void store.loadLatest(roomId);
  }, [store, roomId]);

  // Stick to the newest message while the user is at the bottom.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    if (heightBeforePaging.current !== null) {
      // Older messages went in above: keep the ones the user was reading where they were.
      el.scrollTop += el.scrollHeight - heightBeforePaging.current;
      heightBeforePaging.current = null;
    } else if (atBottom.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length]);

  // Read markers: the newest message counts as read while the bottom of the list is on screen.
  useEffect(() => {
    const el = bottomRef.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setBottomVisible(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, []);

  const newest = messages[messages.length - 1];
  useEffect(() => {
    const visible = bottomVisible && pageVisible;
    store.viewing = visible ? roomId : null;
    if (visible && newest) store.markRead(roomId, newest.id);
  }, [store, roomId, bottomVisible, pageVisible, newest]);
  useEffect(() => {
    const onVis = () => setPageVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVis);
    return () => {
      document.removeEventListener('visibilitychange', onVis);
      if (store.viewing === roomId) store.viewing = null;
    };
  }, [store, roomId]);

  const thread = threadId ? byId.get(threadId) : undefined;

  return (
    <>
      <section className="chat-main" aria-label={`Room ${room.name}`}>
        <header className="chat-main__head">
          <div>
            <h2>
              {roomTitle(room)}
              {room.encrypted && (
                <>
                  {' '}
                  <LockIcon />
                </>
              )}
            </h2>
            {room.topic && <p className="muted">{room.topic}</p>}
            <p className="chat-online" aria-label="Online members">
              {[...online].map((u) => (
                <span key={u} className="chat-online__who">
                  <span className="presence-dot presence-dot--on" aria-hidden="true" /> {authorName(u, me)}
                </span>
              ))}
            </p>
          </div>
          <div className="btn-row">
            {room.encrypted && <SafetyPanel roomId={roomId} />}
            {canModerate && room.kind !== 'direct' && <InviteButton roomId={roomId} />}
          </div>
        </header>
        {(state.newDevices[roomId]?.length ?? 0) > 0 && (
          <div className="alert alert--warning chat-error" role="status" data-testid="new-devices">
            <span>
              New device{state.newDevices[roomId].length > 1 ? 's' : ''}:{' '}
              {state.newDevices[roomId].map((d) => `${authorName(d.userId, me)} (${d.name})`).join(', ')}. Compare safety numbers under
              Devices to be sure it is theirs.
            </span>
            <button type="button" className="btn btn--sm" onClick={() => store.acknowledgeDevices(roomId)}>
              Dismiss
            </button>
          </div>
        )}
        {rs?.error && (
          <div className="alert alert--error chat-error" role="alert">
            <span>{rs.error}</span>
            <button type="button" className="btn btn--sm" onClick={() => store.clearError(roomId)}>
              Dismiss
            </button>
          </div>
        )}
        <div
          className="chat-messages"
          ref={listRef}
          {...fileDropTarget(uploads.queue)}
          onScroll={(e) => {
            const el = e.currentTarget;
            atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          }}
        >
          {!rs?.loaded ? (
            <Spinner label="Loading messages…" />
          ) : (
            rs.hasMore &&
            messages.length > 0 && (
              <button
                type="button"
                className="btn btn--sm chat-earlier"
                onClick={() => {
                  heightBeforePaging.current = listRef.current?.scrollHeight ?? null;
                  void store.loadEarlier(roomId).finally(() => (heightBeforePaging.current = null));
                }}
              >
                Load earlier messages
              </button>
            )
          )}
          <ol className="chat-list" aria-live="polite" aria-relevant="additions">
            {messages.map((m) => (
              <MessageItem
                key={m.id}
                message={m}
                me={me}
                online={online.has(m.authorId)}
                parent={m.replyTo ? (byId.get(m.replyTo) ?? null) : undefined}
                replies={replyCounts.get(m.id) ?? 0}
                canModerate={canModerate}
                mine={store.myReactions}
                onReply={() => setReplyTo(m)}
                onThread={m.replyTo ? undefined : () => setThreadId(m.id)}
                onEdit={(body) => store.edit(m, body)}
                onDelete={() => void store.remove(m)}
                onReact={(e) => void store.toggleReaction(m, e)}
              />
            ))}
            {pending.map((p) => (
              <li key={p.clientId} className="chat-msg chat-msg--own chat-msg--pending" data-testid="pending-message" aria-busy={!p.error}>
                <div className="chat-msg__head">
                  <strong className="chat-msg__author">You</strong>
                  <span className="muted">{p.error ? 'not sent' : 'sending…'}</span>
                </div>
                <p className="chat-msg__body">{p.body}</p>
                {p.attachments.length > 0 && <p className="muted">Files: {p.attachments.map((a) => a.name).join(', ')}</p>}
                {p.error && (
                  <div className="chat-msg__actions" role="alert">
                    <span className="error-text">{p.error}</span>
                    <button type="button" className="btn btn--sm" onClick={() => store.retry(p)}>
                      Retry
                    </button>
                    <button type="button" className="btn btn--sm" onClick={() => store.discard(p)}>
                      Discard
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
          {rs?.loaded && messages.length === 0 && pending.length === 0 && <p className="muted">No messages yet. Say hello.</p>}
          <div ref={bottomRef} className="chat-bottom" />
        </div>
        <p className="chat-typing" aria-live="polite" data-testid="typing">
          {typing.length === 1
            ? `${authorName(typing[0], me)} is typing…`
            : typing.length > 1
              ? `${typing.map((u) => authorName(u, me)).join(', ')} are typing…`
              : '\u00a0'}
        </p>
        <UploadList queue={uploads.queue} items={uploads.items} error={uploads.error} />
        <Composer
          roomName={room.kind === 'direct' ? roomTitle(room).slice(2) : room.name}
          me={me}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          onSend={(body) => {
            atBottom.current = true;
            void uploads.send(body, replyTo?.id ?? null);
            setReplyTo(null);
          }}
          onTyping={() => store.typing(roomId)}
          attachSlot={<AttachButton queue={uploads.queue} />}
          filesReady={uploads.items.some((i) => i.phase === 'done')}
          filesBusy={uploads.queue.unsettled}
        />
      </section>
      {thread && (
        <ThreadPanel
          root={thread}
          replies={messages.filter((m) => m.replyTo === thread.id)}
          me={me}
          hasMore={rs?.hasMore ?? false}
          onLoadEarlier={() => void store.loadEarlier(roomId)}
          onReply={() => setReplyTo(thread)}
          onClose={() => setThreadId(null)}
        />
      )}
    </>
  );
}

/** "# name" for a room, "@ name" for a direct conversation (the other person). */
function roomTitle(room: ChatRoom): string {
  return room.kind === 'direct' ? `@ ${room.peer ? authorName(room.peer, null) : 'direct'}` : `# ${room.name}`;
}
