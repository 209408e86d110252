/**
 * How a user is named in chat: their display name from `GET /api/chat/users?ids=` (asked in batches of up to 100,
 * each id once per page load), "You" for oneself, and until the name is known — or on a server without the lookup —
 * "User" and the end of their id (the end, since v7 ids of users made close together share their start).
 */
import { api } from '../../api/client';

const names = new Map<string, string>();
const asked = new Set<string>();
let queue = new Set<string>();
let flushing = false;
let unavailable = false;
const listeners = new Set<() => void>();

/** Called when names arrive, so views can render them (the chat store bumps its state). */
export function onNames(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Names learnt elsewhere (tests, a user search's results). */
export function rememberNames(list: readonly { id: string; displayName: string }[]): void {
  let changed = false;
  for (const u of list) {
    const id = u.id.toLowerCase();
    if (names.get(id) !== u.displayName) {
      names.set(id, u.displayName);
      asked.add(id);
      changed = true;
    }
  }
  if (changed) for (const l of [...listeners]) l();
}

function request(id: string) {
  if (unavailable || asked.has(id)) return;
  asked.add(id);
  queue.add(id);
  if (flushing) return;
  flushing = true;
  // One request for all the names a render asks for.
  setTimeout(() => void flush(), 0);
}

async function flush() {
  const ids = [...queue];
  queue = new Set();
  flushing = false;
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    try {
      rememberNames(await api.get<{ id: string; displayName: string }[]>(`/api/chat/users?ids=${batch.join(',')}`));
    } catch (err) {
      const status = (err as { status?: number }).status ?? -1;
      if (status === 0 || status === 429 || status >= 500) for (const id of batch) asked.delete(id); // try again on a later render
      else unavailable = true; // a server without the lookup (404), or an answer we cannot read: keep the fallback
    }
  }
}

/** The short fallback: "User" and the last six hex digits of the id. */
export function fallbackName(userId: string): string {
  return `User ${userId.replace(/-/g, '').slice(-6)}`;
}

export function authorName(userId: string, me: string | null): string {
  if (me && userId === me) return 'You';
  const id = userId.toLowerCase();
  const known = names.get(id);
  if (known) return known;
  request(id);
  return fallbackName(userId);
}
