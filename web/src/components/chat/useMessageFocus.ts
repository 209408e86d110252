import { useEffect, type MutableRefObject, type RefObject } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { ChatMessage } from '../../chat/socket';
import type { ChatStore } from '../../chat/store';

/** How long a message opened from search stays highlighted. */
const HIGHLIGHT_MS = 2_500;

/**
 * `/chat/:roomId?message=<id>` (a search result, or a link to a message): loads the room around that message if it is
 * not loaded yet (a search result passes the message itself in the navigation state; a link fetches it by id),
 * scrolls it to the middle of the list, highlights it briefly, and then drops the parameter so later renders leave
 * the scroll position alone. A message that is not there (deleted room, not a member, another room) drops the
 * parameter and leaves the room at its newest messages.
 */
export function useMessageFocus({
  store,
  roomId,
  messages,
  loaded,
  listRef,
  atBottom,
}: {
  store: ChatStore;
  roomId: string;
  messages: readonly ChatMessage[];
  loaded: boolean;
  listRef: RefObject<HTMLElement | null>;
  atBottom: MutableRefObject<boolean>;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const focusId = new URLSearchParams(location.search).get('message');
  const focus = (location.state as { focus?: ChatMessage } | null)?.focus;
  const present = !!focusId && messages.some((m) => m.id === focusId);

  // Not following the newest messages while a found one is shown.
  if (focusId) atBottom.current = false;

  useEffect(() => {
    if (!focusId || !loaded || present) return;
    if (focus?.id === focusId && focus.roomId === roomId) {
      void store.loadAround(roomId, focus);
      return;
    }
    let cancelled = false;
    const drop = () => {
      atBottom.current = true;
      navigate(location.pathname, { replace: true, state: null });
    };
    api.get<ChatMessage>(`/api/chat/messages/${encodeURIComponent(focusId)}`).then(
      (message) => {
        if (cancelled) return;
        if (message.roomId === roomId) void store.loadAround(roomId, message);
        else drop();
      },
      () => {
        if (!cancelled) drop();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [focusId, loaded, present, focus, roomId, store, navigate, location.pathname, atBottom]);

  useEffect(() => {
    if (!focusId || !present) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(focusId)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.classList.add('chat-msg--found');
    // Not cleared on cleanup: dropping the parameter below re-runs this effect, and the highlight must still fade.
    setTimeout(() => el.classList.remove('chat-msg--found'), HIGHLIGHT_MS);
    navigate(location.pathname, { replace: true, state: null });
  }, [focusId, present, listRef, navigate, location.pathname]);
}
