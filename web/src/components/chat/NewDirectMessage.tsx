import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { toProblem, type ProblemError } from '../../api/problem';
import { useChatStore } from '../../chat/ChatContext';
import { ProblemAlert } from '../ui';
import { rememberNames } from './names';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserHit {
  id: string;
  displayName: string;
}

/**
 * "New direct message": find a person by name (`GET /api/chat/users?q=`) or paste their user id, then open the
 * conversation with them (`POST /api/chat/dms`, which answers the existing one when there is one).
 */
export function NewDirectMessage() {
  const store = useChatStore();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [who, setWho] = useState('');
  const [hits, setHits] = useState<UserHit[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  const start = async (userId: string) => {
    if (!store) return;
    try {
      const room = await store.openDirect(userId);
      setProblem(null);
      setOpen(false);
      setWho('');
      setHits(null);
      navigate(`/chat/${room.id}`);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  if (!open) {
    return (
      <button type="button" className="btn btn--sm btn--block" onClick={() => setOpen(true)}>
        New direct message
      </button>
    );
  }

  return (
    <form
      className="chat-side__form"
      aria-label="New direct message"
      onSubmit={async (e) => {
        e.preventDefault();
        const text = who.trim();
        if (UUID.test(text)) return start(text);
        try {
          const found = await api.get<UserHit[]>(`/api/chat/users?q=${encodeURIComponent(text)}`);
          rememberNames(found);
          setHits(found);
          setProblem(null);
        } catch (err) {
          const p = toProblem(err);
          setProblem(p.status === 404 ? toProblem(new Error('This server cannot look people up by name yet: paste their user id.')) : p);
        }
      }}
    >
      <label htmlFor="dm-who">Person (name or user id)</label>
      <input id="dm-who" value={who} onChange={(e) => setWho(e.target.value)} autoComplete="off" required minLength={2} maxLength={64} />
      <ProblemAlert problem={problem} />
      {hits && (hits.length === 0 ? (
        <p className="muted">Nobody by that name.</p>
      ) : (
        <ul className="chat-rooms" aria-label="People found">
          {hits.map((u) => (
            <li key={u.id} className="chat-room-join">
              <span>{u.displayName}</span>
              <button type="button" className="btn btn--sm" onClick={() => void start(u.id)} aria-label={`Message ${u.displayName}`}>
                Message
              </button>
            </li>
          ))}
        </ul>
      ))}
      <div className="btn-row">
        <button type="submit" className="btn btn--primary btn--sm">
          {UUID.test(who.trim()) ? 'Open conversation' : 'Find'}
        </button>
        <button type="button" className="btn btn--sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
