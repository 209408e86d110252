/**
 * Message search (docs/chat.md "Search"): the server ranks the caller's plain rooms; encrypted rooms hold ciphertext
 * there, so their results come from the client's own decrypted messages through `setDecryptedSearch` — the E2E code
 * (web/src/chat, owned there) registers its `searchDecrypted(roomId | null, query)`; until it does, only server results show.
 */
import { api } from '../api/client';
import type { ChatMessage } from './socket';

/** A piece of a result's excerpt; `match` pieces are the words found. Plain text, never HTML. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface SearchResult {
  message: ChatMessage;
  rank: number;
  highlight: HighlightSegment[];
}

export interface SearchPage {
  results: SearchResult[];
  total: number;
}

export interface SearchParams {
  q: string;
  /** Only this room; null for all my rooms. */
  room: string | null;
  /** Only messages by this user id; null for anyone. */
  author: string | null;
  limit?: number;
  offset?: number;
}

/** Searches the decrypted messages of encrypted rooms on this device (all of them when roomId is null). */
export type DecryptedSearch = (roomId: string | null, query: string) => Promise<SearchResult[]>;

let decrypted: DecryptedSearch | null = null;

/** Called by the E2E code with its searchDecrypted; null removes it. */
export function setDecryptedSearch(fn: DecryptedSearch | null): void {
  decrypted = fn;
}

export function decryptedSearch(): DecryptedSearch | null {
  return decrypted;
}

export const SEARCH_PAGE = 20;

export function searchPath(p: SearchParams): string {
  const qs = new URLSearchParams({ q: p.q });
  if (p.room) qs.set('room', p.room);
  if (p.author) qs.set('author', p.author);
  qs.set('limit', String(p.limit ?? SEARCH_PAGE));
  if (p.offset) qs.set('offset', String(p.offset));
  return `/api/chat/search?${qs.toString()}`;
}

/** One page of the server's ranked results. */
export function searchServer(p: SearchParams): Promise<SearchPage> {
  return api.get<SearchPage>(searchPath(p));
}

/**
 * Results for the first page: the server's (skipped when the one room asked for is encrypted: the server holds only
 * ciphertext for it) and the decrypted ones from `local`, filtered by author here since the E2E search takes none.
 */
export async function searchEverywhere(p: SearchParams, roomEncrypted: boolean, local: DecryptedSearch | null = decrypted): Promise<{ server: SearchPage; local: SearchResult[] }> {
  const server = p.room && roomEncrypted ? Promise.resolve({ results: [], total: 0 }) : searchServer(p);
  const mine = local && !p.offset ? local(p.room, p.q).then((rs) => rs.filter((r) => !p.author || r.message.authorId === p.author)) : Promise.resolve([]);
  const [s, l] = await Promise.all([server, mine]);
  return { server: s, local: l };
}
