import { useState } from 'react';
import { toProblem } from '../../api/problem';
import { useChatState, useChatStore } from '../../chat/ChatContext';
import type { DeviceSafety } from '../../chat/keyring';
import { authorName } from './names';

/**
 * "Devices": the encrypted room's member devices — the ones its keys are wrapped for — each with its safety number
 * against this browser's device. Two people who read the same number (in person, over another channel) know that no
 * one sits between those two devices (docs/chat-security.md, "Trust on first use").
 */
export function SafetyPanel({ roomId }: { roomId: string }) {
  const store = useChatStore();
  const state = useChatState();
  const [list, setList] = useState<DeviceSafety[] | string | null>(null);

  const toggle = async () => {
    if (list !== null) return setList(null);
    if (!store?.keyring) return;
    try {
      setList(await store.keyring.safety(roomId));
    } catch (err) {
      setList(toProblem(err).summary);
    }
  };

  const me = state?.userId ?? null;
  return (
    <>
      <button type="button" className="btn btn--sm" onClick={toggle} aria-expanded={list !== null}>
        Devices
      </button>
      {list !== null && (
        <div className="chat-popover chat-safety" role="dialog" aria-label="Devices and safety numbers">
          {state?.device && (
            <p>
              This browser: <strong>{state.device.name}</strong> <span className="muted">(device {state.device.id.slice(-6)})</span>
            </p>
          )}
          {typeof list === 'string' ? (
            <p className="error-text">{list}</p>
          ) : (
            <ul>
              {list.filter((d) => !d.mine).map((d) => (
                <li key={d.device.id} data-testid="safety-number">
                  <strong>{authorName(d.device.userId, me)}</strong> · {d.device.name}{' '}
                  <span className="muted">(device {d.device.id.slice(-6)})</span>
                  <br />
                  Safety number: <code>{d.safetyNumber}</code>
                </li>
              ))}
              {list.every((d) => d.mine) && <li className="muted">No other devices in this room yet.</li>}
            </ul>
          )}
          <p className="muted">Compare a safety number with its owner in person or over another channel: if both of you see the same digits, nobody sits between your devices.</p>
          <button type="button" className="btn btn--sm" onClick={() => setList(null)}>
            Close
          </button>
        </div>
      )}
    </>
  );
}
