/**
 * "My devices": the chat devices registered to my account, newest first, with which one is this browser's and which
 * may be revoked from here. This browser's own device is not revoked from its own list: a revoked device is replaced
 * on the next page load anyway, and a stray click would cost it every room key it holds.
 */
import type { ChatHttp, DeviceView } from './keystore';

/** One row of the list. */
export interface MyDeviceRow {
  device: DeviceView;
  /** This browser's device. */
  current: boolean;
  /** Still able to receive room keys. */
  active: boolean;
  /** Offered a Revoke button. */
  revocable: boolean;
}

/** Orders and marks my devices: active first (newest first), then revoked ones (newest revocation first). */
export function myDeviceRows(devices: readonly DeviceView[], currentId: string | null): MyDeviceRow[] {
  const rows = devices.map((device) => {
    const active = device.revokedAt === null;
    const current = device.id === currentId;
    return { device, current, active, revocable: active && !current };
  });
  return rows.sort((a, b) => {
    if (a.active !== b.active) return a.active ? -1 : 1;
    const ka = a.active ? a.device.createdAt : (a.device.revokedAt ?? '');
    const kb = b.active ? b.device.createdAt : (b.device.revokedAt ?? '');
    return kb.localeCompare(ka) || a.device.id.localeCompare(b.device.id);
  });
}

/** The calls the list makes; `api` from api/client fits. */
export interface MyDevicesHttp extends Pick<ChatHttp, 'get'> {
  del(path: string): Promise<unknown>;
}

/** My devices as the server lists them. */
export function loadMyDevices(http: MyDevicesHttp): Promise<DeviceView[]> {
  return http.get<DeviceView[]>('/api/chat/devices');
}

/** Revokes one of my devices (the server rotates the keys of the encrypted rooms it was in), then lists them again. */
export async function revokeMyDevice(http: MyDevicesHttp, id: string): Promise<DeviceView[]> {
  await http.del(`/api/chat/devices/${encodeURIComponent(id)}`);
  return loadMyDevices(http);
}
