import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { toProblem, type ProblemError } from '../../api/problem';
import type { ChatRoom } from '../../chat/store';
import { ProblemAlert } from '../ui';
import { LockIcon } from './LockIcon';
import { authorName } from './names';
import { MyDevices } from './MyDevices';
import { NewDirectMessage } from './NewDirectMessage';

const KINDS = [
  ['public', 'Public — anyone can join'],
  ['private', 'Private'],
  ['invite_only', 'Invite only'],
] as const;

/** My rooms with unread badges, public rooms to join, a new-room form and "join with code". `searchSlot` is for search. */
export function RoomSidebar({ rooms, currentId, onChanged, searchSlot }: { rooms: ChatRoom[]; currentId: string | null; onChanged: () => void; searchSlot?: ReactNode }) {
  const navigate = useNavigate();
  const mine = rooms.filter((r) => r.joined && r.kind !== 'direct');
  const direct = rooms.filter((r) => r.joined && r.kind === 'direct');
  const joinable = rooms.filter((r) => !r.joined);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [kind, setKind] = useState('public');
  const [encrypted, setEncrypted] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<ProblemError | null>(null);

  const act = async (fn: () => Promise<ChatRoom>) => {
    try {
      const room = await fn();
      setProblem(null);
      onChanged();
      navigate(`/chat/${room.id}`);
      return true;
    } catch (err) {
      setProblem(toProblem(err));
      return false;
    }
  };

  return (
    <aside className="chat-side" aria-label="Rooms">
      {searchSlot}
      <h2 className="chat-side__title">My rooms</h2>
      {mine.length === 0 ? (
        <p className="muted">No rooms yet.</p>
      ) : (
        <ul className="chat-rooms">
          {mine.map((r) => (
            <li key={r.id}>
              <Link to={`/chat/${r.id}`} className={`chat-room-link${r.id === currentId ? ' chat-room-link--active' : ''}`} aria-current={r.id === currentId ? 'page' : undefined}>
                <span className="chat-room-link__name">
                  # {r.name}
                  {r.encrypted && (
                    <>
                      {' '}
                      <LockIcon />
                    </>
                  )}
                </span>
                {r.unread > 0 && (
                  <span className="nav-badge" data-testid="room-unread" aria-label={`${r.unread} unread`}>
                    {r.unread}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className="chat-side__title">Direct messages</h2>
      {direct.length === 0 ? (
        <p className="muted">No conversations yet.</p>
      ) : (
        <ul className="chat-rooms" aria-label="Direct messages">
          {direct.map((r) => (
            <li key={r.id}>
              <Link to={`/chat/${r.id}`} className={`chat-room-link${r.id === currentId ? ' chat-room-link--active' : ''}`} aria-current={r.id === currentId ? 'page' : undefined}>
                <span className="chat-room-link__name">@ {r.peer ? authorName(r.peer, null) : 'direct'}</span>
                {r.unread > 0 && (
                  <span className="nav-badge" data-testid="room-unread" aria-label={`${r.unread} unread`}>
                    {r.unread}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <NewDirectMessage />
      {joinable.length > 0 && (
        <>
          <h2 className="chat-side__title">Public rooms</h2>
          <ul className="chat-rooms">
            {joinable.map((r) => (
              <li key={r.id} className="chat-room-join">
                <span># {r.name}</span>
                <button type="button" className="btn btn--sm" onClick={() => act(() => api.post<ChatRoom>(`/api/chat/rooms/${r.id}/join`))} aria-label={`Join ${r.name}`}>
                  Join
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ProblemAlert problem={problem} />
      {creating ? (
        <form
          className="chat-side__form"
          aria-label="New room"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await act(() => api.post<ChatRoom>('/api/chat/rooms', { name, topic: topic || null, kind, ...(encrypted ? { encrypted: true } : {}) }))) {
              setCreating(false);
              setName('');
              setTopic('');
              setEncrypted(false);
            }
          }}
        >
          <label htmlFor="room-name">Room name</label>
          <input id="room-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
          <label htmlFor="room-topic">Topic</label>
          <input id="room-topic" value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={500} />
          <label htmlFor="room-kind">Kind</label>
          <select id="room-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <label className="chat-side__check">
            <input type="checkbox" checked={encrypted} onChange={(e) => setEncrypted(e.target.checked)} /> End-to-end encrypted
          </label>
          <div className="btn-row">
            <button type="submit" className="btn btn--primary btn--sm">
              Create room
            </button>
            <button type="button" className="btn btn--sm" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="btn btn--sm btn--block" onClick={() => setCreating(true)}>
          New room
        </button>
      )}
      <form
        className="chat-side__form"
        aria-label="Join with code"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await act(() => api.post<ChatRoom>(`/api/chat/invites/${encodeURIComponent(code.trim())}/accept`))) setCode('');
        }}
      >
        <label htmlFor="invite-code">Invite code</label>
        <input id="invite-code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" required />
        <button type="submit" className="btn btn--sm">
          Join with code
        </button>
      </form>
      <MyDevices />
    </aside>
  );
}
