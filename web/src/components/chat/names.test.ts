import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { authorName, fallbackName, onNames } from './names';

afterEach(() => vi.unstubAllGlobals());

const wait = () => new Promise((r) => setTimeout(r, 20));

describe('authorName', () => {
  it('asks for all names a render needs in one request, then shows them', async () => {
    api.setTokens({ accessToken: 'at', refreshToken: 'rt', expiresIn: 900 } as never);
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(String(url));
      const ids = new URL(String(url), 'http://x').searchParams.get('ids')!.split(',');
      return new Response(JSON.stringify(ids.filter((i) => i.endsWith('1')).map((id) => ({ id, displayName: `Name of ${id.slice(-2)}` }))), {
        status: 200, headers: { 'content-type': 'application/json' },
      });
    });
    let told = 0;
    const off = onNames(() => told++);
    const a = '0190aaaa-0000-7000-8000-000000000011';
    const b = '0190aaaa-0000-7000-8000-000000000021';
    const unknown = '0190aaaa-0000-7000-8000-000000000030';
    expect(authorName(a, null)).toBe(fallbackName(a));
    expect(authorName(b, null)).toBe(fallbackName(b));
    expect(authorName(unknown, null)).toBe(fallbackName(unknown));
    expect(authorName(a, a)).toBe('You');
    await wait();
    expect(urls).toEqual([`/api/chat/users?ids=${a},${b},${unknown}`]);
    expect(told).toBe(1);
    expect(authorName(a, null)).toBe('Name of 11');
    expect(authorName(b, null)).toBe('Name of 21');
    expect(authorName(unknown, null)).toBe(fallbackName(unknown)); // unknown ids are left out: asked once only
    await wait();
    expect(urls).toHaveLength(1);
    off();
  });

  it('keeps the id fallback on a server without the lookup, and stops asking', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      calls++;
      return new Response(JSON.stringify({ status: 404, title: 'Not found.' }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    });
    const c = '0190aaaa-0000-7000-8000-000000000041';
    expect(authorName(c, null)).toBe(fallbackName(c));
    await wait();
    const d = '0190aaaa-0000-7000-8000-000000000051';
    expect(authorName(d, null)).toBe(fallbackName(d));
    await wait();
    expect(calls).toBe(1);
  });
});
