import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ChatStore, type ChatState } from './store';

const Ctx = createContext<ChatStore | null>(null);

/** One chat store (and socket) per signed-in user, for every page: the nav badge needs live unread counts. */
export function ChatProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  const [store, setStore] = useState<ChatStore | null>(null);
  useEffect(() => {
    if (!userId) return;
    const s = new ChatStore(userId);
    s.start();
    setStore(s);
    return () => {
      s.stop();
      setStore(null);
    };
  }, [userId]);
  return <Ctx.Provider value={store}>{children}</Ctx.Provider>;
}

export function useChatStore(): ChatStore | null {
  return useContext(Ctx);
}

const noop = () => () => {};
const none = () => null;

export function useChatState(): ChatState | null {
  const store = useContext(Ctx);
  // The same snapshot when rendered to a string (tests render chat components with react-dom/server).
  const get = store ? store.getState : none;
  return useSyncExternalStore(store ? store.subscribe : noop, get, get);
}

export function useTotalUnread(): number {
  const state = useChatState();
  return (state?.rooms ?? []).reduce((n, r) => n + (r.joined ? r.unread : 0), 0);
}
