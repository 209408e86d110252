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

/** A hit of a search over opened text: the text and the [start, end) ranges that matched (the E2E store's shape). */
export interface TextHit {
  message: ChatMessage;
  text: string;
  highlights: [number, number][];
}

/** Characters of context kept before the first match when a long text is cut to an excerpt. */
const EXCERPT_BEFORE = 60;
const EXCERPT_LENGTH = 240;

/** Turns matched ranges of a text into highlight segments, cut to an excerpt around the first match when long. */
export function segmentsOf(text: string, ranges: readonly [number, number][]): HighlightSegment[] {
  const sorted = [...ranges].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  let from = 0;
  let to = text.length;
  if (text.length > EXCERPT_LENGTH) {
    from = Math.max(0, (merged[0]?.[0] ?? 0) - EXCERPT_BEFORE);
    to = Math.min(text.length, from + EXCERPT_LENGTH);
  }
  const out: HighlightSegment[] = [];
  const push = (t: string, match: boolean) => t && out.push({ text: t, match });
  if (from > 0) push('…', false);
  let at = from;
  for (const [a, b] of merged) {
    if (b <= from || a >= to) continue;
    push(text.slice(at, Math.max(at, a)), false);
    push(text.slice(Math.max(a, from), Math.min(b, to)), true);
    at = Math.min(b, to);
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return out;
}

/**
 * The chat store's own `searchDecrypted(roomId | null, query)` (the E2E work adds it, returning TextHits), when this
 * build's store has one; registered functions (setDecryptedSearch) take precedence.
 */
export function storeDecryptedSearch(store: object | null): DecryptedSearch | null {
  const fn = (store as { searchDecrypted?: (roomId: string | null, q: string) => TextHit[] | Promise<TextHit[]> } | null)?.searchDecrypted;
  if (typeof fn !== 'function') return null;
  return async (roomId, q) => (await fn.call(store, roomId, q)).map((h) => ({ message: h.message, rank: 0, highlight: segmentsOf(h.text, h.highlights) }));
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
