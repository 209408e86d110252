import { useState } from 'react';
import { api } from '../../api/client';
import { toProblem } from '../../api/problem';
import { useChatState } from '../../chat/ChatContext';
import type { DeviceView } from '../../chat/keystore';
import { loadMyDevices, myDeviceRows, revokeMyDevice } from '../../chat/myDevices';

/**
 * "My devices" in the chat sidebar: every browser and terminal that holds chat keys for this account, with Revoke for
 * the ones that are not this browser (a lost laptop, an old terminal). Revoking rotates the keys of the encrypted
 * rooms the device was in, so it reads nothing sent afterwards.
 */
export function MyDevices() {
  const state = useChatState();
  const [list, setList] = useState<DeviceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async () => {
    if (list !== null) {
      setList(null);
      return;
    }
    setError(null);
    try {
      setList(await loadMyDevices(api));
    } catch (err) {
      setError(toProblem(err).summary);
    }
  };

  const revoke = async (device: DeviceView) => {
    if (!window.confirm(`Revoke "${device.name}"? It will no longer receive the keys of your encrypted rooms.`)) return;
    setBusy(device.id);
    setError(null);
    try {
      setList(await revokeMyDevice(api, device.id));
    } catch (err) {
      setError(toProblem(err).summary);
    } finally {
      setBusy(null);
    }
  };

  const rows = list ? myDeviceRows(list, state?.device?.id ?? null) : [];
  return (
    <div className="chat-my-devices">
      <button type="button" className="btn btn--sm" onClick={toggle} aria-expanded={list !== null}>
        My devices
      </button>
      {error && <p className="error-text">{error}</p>}
      {list !== null && (
        <ul className="chat-device-list" aria-label="My chat devices">
          {rows.map((r) => (
            <li key={r.device.id} data-testid="my-device" className={r.active ? undefined : 'muted'}>
              <strong>{r.device.name}</strong> <span className="muted">(device {r.device.id.slice(-6)})</span>
              {r.current && <span className="badge badge--info">this browser</span>}
              <br />
              <span className="muted">
                added {new Date(r.device.createdAt).toLocaleDateString()}
                {r.device.revokedAt && `, revoked ${new Date(r.device.revokedAt).toLocaleDateString()}`}
              </span>
              {r.revocable && (
                <button type="button" className="btn btn--sm btn--danger" disabled={busy === r.device.id} onClick={() => revoke(r.device)}>
                  Revoke
                </button>
              )}
            </li>
          ))}
          {rows.length === 0 && <li className="muted">No devices yet: one is made when you open an encrypted room.</li>}
        </ul>
      )}
    </div>
  );
}
