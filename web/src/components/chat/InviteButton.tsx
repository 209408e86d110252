import { useState } from 'react';
import { api } from '../../api/client';
import { toProblem } from '../../api/problem';

interface Invite {
  code: string;
  roomId: string;
  maxUses: number;
  expiresAt: string;
}

/** Owners and moderators make an invite; the code is shown once (only its hash is stored). */
export function InviteButton({ roomId }: { roomId: string }) {
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    try {
      setInvite(await api.post<Invite>('/api/chat/invites', { roomId, maxUses: 10, expiresInMinutes: 24 * 60 }));
      setError(null);
    } catch (err) {
      setError(toProblem(err).summary);
    }
  };
  return (
    <div className="chat-invite">
      <button type="button" className="btn btn--sm" onClick={create}>
        Create invite
      </button>
      {invite && (
        <p role="status">
          Invite code (10 uses, 24 h): <code data-testid="invite-code">{invite.code}</code>
        </p>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
    </div>
  );
}
