import { describe, expect, it } from 'vitest';
import type { DeviceView } from './keystore';
import { myDeviceRows, revokeMyDevice } from './myDevices';

const device = (id: string, createdAt: string, revokedAt: string | null = null): DeviceView => ({
  id, userId: 'u1', name: `Browser ${id}`, x25519: 'x', ed25519: 'e', createdAt, revokedAt,
});

describe('myDeviceRows', () => {
  it('lists active devices newest first, then revoked ones, and never offers to revoke this browser', () => {
    const rows = myDeviceRows(
      [device('a', '2026-01-01T00:00:00Z'), device('b', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'), device('c', '2026-02-01T00:00:00Z'), device('d', '2026-05-01T00:00:00Z')],
      'c',
    );
    expect(rows.map((r) => r.device.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(rows.map((r) => r.revocable)).toEqual([true, false, true, false]);
    expect(rows.find((r) => r.device.id === 'c')!.current).toBe(true);
    expect(rows.find((r) => r.device.id === 'b')!.active).toBe(false);
  });

  it('offers every active device when this browser has none registered', () => {
    const rows = myDeviceRows([device('a', '2026-01-01T00:00:00Z')], null);
    expect(rows[0].revocable).toBe(true);
  });
});

describe('revokeMyDevice', () => {
  it('deletes the device by id and lists again', async () => {
    const calls: string[] = [];
    let list = [device('a', '2026-01-01T00:00:00Z'), device('b/x', '2026-01-02T00:00:00Z')];
    const http = {
      get: async <T,>(path: string) => {
        calls.push(`GET ${path}`);
        return list as T;
      },
      del: async (path: string) => {
        calls.push(`DELETE ${path}`);
        list = list.map((d) => (d.id === 'b/x' ? { ...d, revokedAt: '2026-02-01T00:00:00Z' } : d));
      },
    };
    const after = await revokeMyDevice(http, 'b/x');
    expect(calls).toEqual(['DELETE /api/chat/devices/b%2Fx', 'GET /api/chat/devices']);
    expect(after.find((d) => d.id === 'b/x')!.revokedAt).not.toBeNull();
  });
});
