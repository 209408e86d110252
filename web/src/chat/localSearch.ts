/**
 * Search in encrypted rooms, which the server cannot do (it holds ciphertext only): over the messages this page has
 * loaded and opened. For the search box (RoomSidebar's searchSlot):
 *
 *   const hits = store.searchDecrypted(roomId | null, 'dragon eggs');
 *
 * Every word of the query must occur in the text (case-insensitive); hits are newest first, at most `limit`, with
 * the matched ranges for highlighting. Only messages loaded in this session count: "Load earlier messages" widens it.
 */
import type { ChatMessage } from './socket';
import type { Opened } from './keyring';

export interface LocalHit {
  roomId: string;
  message: ChatMessage;
  /** The opened text. */
  text: string;
  /** [start, end) ranges of `text` that matched a word of the query. */
  highlights: [number, number][];
}

interface SearchableState {
  rooms: { id: string; encrypted?: boolean; joined: boolean }[] | null;
  byRoom: Record<string, { messages: ChatMessage[] }>;
}

export function searchLoaded(
  state: SearchableState, roomId: string | null, query: string, bodyOf: (m: ChatMessage) => Opened | null, limit = 50,
): LocalHit[] {
  const words = [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
  if (words.length === 0) return [];
  const rooms = (state.rooms ?? []).filter((r) => r.encrypted && r.joined && (roomId === null || r.id === roomId));
  const hits: LocalHit[] = [];
  for (const room of rooms) {
    for (const m of state.byRoom[room.id]?.messages ?? []) {
      if (m.deleted) continue;
      const opened = bodyOf(m);
      if (!opened?.ok) continue;
      const lower = opened.text.toLowerCase();
      const highlights: [number, number][] = [];
      let all = true;
      for (const w of words) {
        let at = lower.indexOf(w);
        if (at < 0) {
          all = false;
          break;
        }
        while (at >= 0) {
          highlights.push([at, at + w.length]);
          at = lower.indexOf(w, at + w.length);
        }
      }
      if (all) hits.push({ roomId: room.id, message: m, text: opened.text, highlights: highlights.sort((a, b) => a[0] - b[0]) });
    }
  }
  return hits.sort((a, b) => (a.message.id < b.message.id ? 1 : a.message.id > b.message.id ? -1 : 0)).slice(0, limit);
}
