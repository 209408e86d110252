import { describe, expect, it } from 'vitest';
import type { DeviceView } from './keystore';
import { SeenDevices } from './seenDevices';

const device = (id: string, userId: string, revokedAt: string | null = null): DeviceView => ({ id, userId, name: 'Web', x25519: '', ed25519: '', createdAt: '', revokedAt });

function storage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('SeenDevices', () => {
  it('trusts a person\u2019s devices on first sight, then flags a device added later until acknowledged', () => {
    const s = new SeenDevices(storage(), 'me');
    expect(s.review([device('m1', 'me'), device('b1', 'bob')])).toEqual([]);
    expect(s.review([device('m1', 'me'), device('m2', 'me'), device('b1', 'bob')])).toEqual([]); // my own are not flagged
    const added = device('b2', 'bob');
    expect(s.review([device('b1', 'bob'), added, device('c1', 'carol')])).toEqual([added]);
    expect(s.review([device('b1', 'bob'), added])).toEqual([added]);
    s.acknowledge([added]);
    expect(s.review([device('b1', 'bob'), added])).toEqual([]);
    expect(s.review([device('b1', 'bob'), device('b3', 'bob', 'revoked')])).toEqual([]);
  });

  it('keeps what it saw per signed-in user, and copes with no or broken storage', () => {
    const store = storage();
    new SeenDevices(store, 'me').review([device('b1', 'bob')]);
    expect(new SeenDevices(store, 'me').review([device('b1', 'bob'), device('b2', 'bob')]).map((d) => d.id)).toEqual(['b2']);
    expect(new SeenDevices(store, 'someone-else').review([device('b1', 'bob'), device('b2', 'bob')])).toEqual([]);
    store.setItem('worldloom.chat.seenDevices.me', '{not json');
    expect(new SeenDevices(store, 'me').review([device('b1', 'bob')])).toEqual([]);
    expect(new SeenDevices(null, 'me').review([device('b1', 'bob')])).toEqual([]);
  });
});
