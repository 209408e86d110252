import { describe, expect, it, vi } from 'vitest';
import { authXhrSetup, isSameOrigin } from './player';

function fakeXhr(readyState = 0) {
  const calls: string[] = [];
  const xhr = {
    readyState,
    open: vi.fn((method: string, url: string) => {
      calls.push(`open ${method} ${url}`);
      xhr.readyState = 1;
    }),
    setRequestHeader: vi.fn((name: string, value: string) => {
      if (xhr.readyState !== 1) throw new Error('InvalidStateError');
      calls.push(`${name}: ${value}`);
    }),
  };
  return { xhr, calls };
}

describe('hls.js auth setup', () => {
  const origin = 'http://127.0.0.1:5080';

  it('opens the request and sets the bearer header for this origin', async () => {
    const token = vi.fn(async () => 'tok');
    const { xhr, calls } = fakeXhr();
    await authXhrSetup(token, origin)(xhr as unknown as XMLHttpRequest, `${origin}/api/stories/segments/g1/media/video_000.ts`);
    expect(calls).toEqual([`open GET ${origin}/api/stories/segments/g1/media/video_000.ts`, 'Authorization: Bearer tok']);
    expect(token).toHaveBeenCalledWith(30_000);
  });

  it('never sends the token to another host', async () => {
    const token = vi.fn(async () => 'tok');
    const { xhr, calls } = fakeXhr();
    await authXhrSetup(token, origin)(xhr as unknown as XMLHttpRequest, 'https://cdn.example.test/video_000.ts');
    expect(calls).toEqual(['open GET https://cdn.example.test/video_000.ts']);
    expect(token).not.toHaveBeenCalled();
  });

  it('does not reopen a request hls.js already opened, and sends none when signed out', async () => {
    const { xhr, calls } = fakeXhr(1);
    await authXhrSetup(async () => null, origin)(xhr as unknown as XMLHttpRequest, '/api/stories/scenes/s1/video.m3u8');
    expect(calls).toEqual([]);
  });

  it('takes relative URLs as this origin', () => {
    expect(isSameOrigin('../../segments/g1/media/video_000.ts', origin)).toBe(true);
    expect(isSameOrigin('//evil.test/x', origin)).toBe(false);
  });
});
