/**
 * Trust on first use, made visible (docs/chat-security.md): the server tells us who holds which device, so the page
 * remembers the device ids it has seen per person and flags a person's device it has not seen before — the moment
 * to compare safety numbers. A person seen for the first time is recorded silently. Only public ids are stored, in
 * localStorage, per signed-in user.
 */
import type { DeviceView } from './keystore';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class SeenDevices {
  private readonly key: string;

  constructor(private readonly storage: KeyValueStore | null, private readonly me: string) {
    this.key = `worldloom.chat.seenDevices.${me}`;
  }

  private load(): Record<string, string[]> {
    try {
      const v = JSON.parse(this.storage?.getItem(this.key) ?? '{}');
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }

  private save(seen: Record<string, string[]>) {
    try {
      this.storage?.setItem(this.key, JSON.stringify(seen));
    } catch {
      // Storage full or refused: devices are flagged again next time, which is the safe side.
    }
  }

  /** Other people's devices (not revoked) that are new for someone seen before; first-seen people are recorded. */
  review(devices: readonly DeviceView[]): DeviceView[] {
    const seen = this.load();
    const fresh: DeviceView[] = [];
    let changed = false;
    const byUser = new Map<string, DeviceView[]>();
    for (const d of devices) if (d.userId.toLowerCase() !== this.me.toLowerCase() && !d.revokedAt) byUser.set(d.userId, [...(byUser.get(d.userId) ?? []), d]);
    for (const [user, list] of byUser) {
      const known = seen[user];
      if (!known) {
        seen[user] = list.map((d) => d.id);
        changed = true;
      } else {
        fresh.push(...list.filter((d) => !known.includes(d.id)));
      }
    }
    if (changed) this.save(seen);
    return fresh;
  }

  /** The person was told (and may have compared numbers): stop flagging these. */
  acknowledge(devices: readonly DeviceView[]) {
    const seen = this.load();
    for (const d of devices) seen[d.userId] = [...new Set([...(seen[d.userId] ?? []), d.id])];
    this.save(seen);
  }
}
