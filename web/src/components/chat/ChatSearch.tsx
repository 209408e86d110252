import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toProblem } from '../../api/problem';
import { useChatState, useChatStore } from '../../chat/ChatContext';
import { decryptedSearch, searchEverywhere, searchServer, storeDecryptedSearch, type DecryptedSearch, type HighlightSegment, type SearchResult } from '../../chat/search';
import { formatDateTime } from '../../lib/format';
import { authorName } from './names';

/** An excerpt with the found words marked: each segment is text, so nothing in a message can become markup. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

interface Found {
  query: string;
  results: SearchResult[];
  local: SearchResult[];
  total: number;
}

/**
 * The sidebar's search: words, this room or all my rooms, an author; ranked results with the matches marked. A result
 * opens its room at the message (Chat.tsx loads around it if needed and highlights it). Encrypted rooms are searched on
 * this device by `searchDecrypted` when the E2E code has registered one (chat/search.ts).
 */
export function ChatSearch({ currentRoomId, searchDecrypted }: { currentRoomId: string | null; searchDecrypted?: DecryptedSearch | null }) {
  const state = useChatState();
  const store = useChatStore();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  // Searching from the room list starts as "All rooms", and stays so when a result opens a room.
  const [scope, setScope] = useState<'room' | 'all'>(() => (currentRoomId ? 'room' : 'all'));
  const [author, setAuthor] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = state?.userId ?? null;
  const rooms = useMemo(() => state?.rooms ?? [], [state?.rooms]);
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? 'a room';
  const inRoom = scope === 'room' && currentRoomId ? currentRoomId : null;

  // Authors to filter by: me, and whoever wrote the messages loaded so far (the API has no member list yet).
  const authors = useMemo(() => {
    const ids = new Set<string>();
    for (const [roomId, rs] of Object.entries(state?.byRoom ?? {})) {
      if (inRoom && roomId !== inRoom) continue;
      for (const m of rs.messages) if (m.authorId !== me) ids.add(m.authorId);
    }
    return [...ids];
  }, [state?.byRoom, inRoom, me]);

  const params = (offset = 0) => ({ q: q.trim(), room: inRoom, author: author || null, offset });

  const run = async () => {
    if (!q.trim()) return;
    setBusy(true);
    try {
      const encrypted = !!(inRoom && (rooms.find((r) => r.id === inRoom) as { encrypted?: boolean } | undefined)?.encrypted);
      const { server, local } = await searchEverywhere(params(), encrypted, searchDecrypted === undefined ? (decryptedSearch() ?? storeDecryptedSearch(store)) : searchDecrypted);
      setFound({ query: q.trim(), results: server.results, local, total: server.total });
      setError(null);
    } catch (err) {
      setError(toProblem(err).summary);
      setFound(null);
    } finally {
      setBusy(false);
    }
  };

  const more = async () => {
    if (!found) return;
    setBusy(true);
    try {
      const page = await searchServer({ ...params(found.results.length), q: found.query });
      setFound({ ...found, results: [...found.results, ...page.results], total: page.total });
    } catch (err) {
      setError(toProblem(err).summary);
    } finally {
      setBusy(false);
    }
  };

  const open = (r: SearchResult) => {
    navigate(`/chat/${r.message.roomId}?message=${r.message.id}`, { state: { focus: r.message } });
  };

  const list = found ? [...found.results, ...found.local] : [];
  return (
    <div className="chat-search">
      <form
        role="search"
        aria-label="Search messages"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="chat-search__row">
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search messages" aria-label="Search messages" maxLength={200} />
          <button type="submit" className="btn btn--sm" disabled={busy || !q.trim()}>
            Search
          </button>
        </div>
        <div className="chat-search__row">
          <select aria-label="Search in" value={currentRoomId ? scope : 'all'} onChange={(e) => setScope(e.target.value as 'room' | 'all')}>
            {currentRoomId && <option value="room">This room</option>}
            <option value="all">All rooms</option>
          </select>
          <select aria-label="Author" value={author} onChange={(e) => setAuthor(e.target.value)}>
            <option value="">Anyone</option>
            {me && <option value={me}>Me</option>}
            {authors.map((a) => (
              <option key={a} value={a}>
                {authorName(a, me)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {found && (
        <div className="chat-search__results" data-testid="search-results">
          <p className="muted">
            {found.total + found.local.length === 0
              ? `Nothing found for “${found.query}”.`
              : `${found.total + found.local.length} result${found.total + found.local.length === 1 ? '' : 's'} for “${found.query}”`}
            <button type="button" className="btn btn--sm chat-search__clear" onClick={() => setFound(null)} aria-label="Close search results">
              ×
            </button>
          </p>
          <ol className="chat-search__list">
            {list.map((r) => (
              <li key={r.message.id}>
                <button type="button" className="chat-search__hit" onClick={() => open(r)} data-testid="search-result">
                  <span className="chat-search__meta">
                    <strong># {roomName(r.message.roomId)}</strong> · {authorName(r.message.authorId, me)} · <time dateTime={r.message.createdAt}>{formatDateTime(r.message.createdAt)}</time>
                  </span>
                  <span className="chat-search__text">
                    <Highlighted segments={r.highlight} />
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {found.results.length < found.total && (
            <button type="button" className="btn btn--sm btn--block" onClick={() => void more()} disabled={busy}>
              More results
            </button>
          )}
        </div>
      )}
    </div>
  );
}
