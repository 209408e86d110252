import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { Highlighted } from '../components/chat/ChatSearch';
import { searchEverywhere, searchPath, segmentsOf, storeDecryptedSearch, type SearchResult } from './search';
import type { ChatMessage } from './socket';

const msg = (id: string, authorId: string, roomId = 'r1'): ChatMessage => ({
  id, roomId, authorId, clientId: `c${id}`, body: `body ${id}`, replyTo: null, createdAt: 'x', edited: false, editedAt: null, deleted: false, reactions: {},
});
const hit = (m: ChatMessage): SearchResult => ({ message: m, rank: 1, highlight: [{ text: m.body!, match: true }] });

afterEach(() => vi.unstubAllGlobals());

describe('search', () => {
  it('builds the query string with only the filters given', () => {
    expect(searchPath({ q: 'dragon egg', room: null, author: null })).toBe('/api/chat/search?q=dragon+egg&limit=20');
    expect(searchPath({ q: 'a&b', room: 'r1', author: 'u2', offset: 20 })).toBe('/api/chat/search?q=a%26b&room=r1&author=u2&limit=20&offset=20');
  });

  it('adds the decrypted results of encrypted rooms, filtered by author, and skips the server for one encrypted room', async () => {
    api.setTokens({ accessToken: 'at', refreshToken: 'rt', expiresIn: 900 } as never);
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ results: [hit(msg('0190a', 'u1'))], total: 7 }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const local = vi.fn(async () => [hit(msg('0190b', 'u1', 'e1')), hit(msg('0190c', 'u2', 'e1'))]);
    const all = await searchEverywhere({ q: 'egg', room: null, author: 'u1' }, false, local);
    expect(all.server.total).toBe(7);
    expect(all.local.map((r) => r.message.id)).toEqual(['0190b']);
    expect(local).toHaveBeenCalledWith(null, 'egg');
    expect(asked).toHaveLength(1);

    const one = await searchEverywhere({ q: 'egg', room: 'e1', author: null }, true, local);
    expect(one.server).toEqual({ results: [], total: 0 });
    expect(one.local).toHaveLength(2);
    expect(asked).toHaveLength(1);

    const later = await searchEverywhere({ q: 'egg', room: null, author: null, offset: 20 }, false, local);
    expect(later.local).toEqual([]);
  });

  it('renders highlight segments as text with the matches marked, never as markup', () => {
    const html = renderToStaticMarkup(
      createElement(Highlighted, { segments: [{ text: 'a <script>alert(1)</script> ', match: false }, { text: 'dragon', match: true }, { text: '…', match: false }] }),
    );
    expect(html).toBe('<span>a &lt;script&gt;alert(1)&lt;/script&gt; </span><mark>dragon</mark><span>…</span>');
  });

  it('turns matched ranges of opened text into segments, merging overlaps and cutting long texts around the first match', () => {
    expect(segmentsOf('dragon eggs hatch', [[7, 11], [0, 6], [8, 10]])).toEqual([
      { text: 'dragon', match: true },
      { text: ' ', match: false },
      { text: 'eggs', match: true },
      { text: ' hatch', match: false },
    ]);
    const long = `${'a'.repeat(300)} dragon ${'b'.repeat(300)}`;
    const segs = segmentsOf(long, [[301, 307]]);
    expect(segs[0]).toEqual({ text: '…', match: false });
    expect(segs.find((x) => x.match)).toEqual({ text: 'dragon', match: true });
    expect(segs.at(-1)).toEqual({ text: '…', match: false });
    expect(segs.map((x) => x.text).join('').length).toBeLessThan(250);
  });

  it('uses the store’s own searchDecrypted when it has one (the E2E store), and nothing otherwise', async () => {
    expect(storeDecryptedSearch({})).toBeNull();
    expect(storeDecryptedSearch(null)).toBeNull();
    const store = {
      searchDecrypted(roomId: string | null, q: string) {
        return [{ roomId: 'e1', message: msg('0190d', 'u1', 'e1'), text: `sealed ${q} in ${roomId}`, highlights: [[7, 7 + q.length]] as [number, number][] }];
      },
    };
    const search = storeDecryptedSearch(store)!;
    expect(await search('e1', 'egg')).toEqual([
      { message: msg('0190d', 'u1', 'e1'), rank: 0, highlight: [{ text: 'sealed ', match: false }, { text: 'egg', match: true }, { text: ' in e1', match: false }] },
    ]);
  });
});
