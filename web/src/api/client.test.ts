import { describe, expect, it, vi } from 'vitest';
import { ApiClient, REFRESH_TOKEN_KEY, type KeyValueStorage } from './client';
import { ProblemError } from './problem';

function memStorage(init: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });

interface Call {
  url: string;
  method: string;
  auth: string | null;
  body: unknown;
}

/** A fake server: access tokens "a1", "a2"…; refresh tokens rotate "r1" -> "r2" -> … */
function fakeServer(opts: { refreshOk?: boolean; validAccess?: Set<string> } = {}) {
  const calls: Call[] = [];
  let n = 1;
  const valid = opts.validAccess ?? new Set<string>();
  let currentRefresh = 'r1';
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, method: init?.method ?? 'GET', auth: headers.get('authorization'), body });
    if (url === '/api/auth/login') {
      n++;
      valid.add(`a${n}`);
      currentRefresh = `r${n}`;
      return json(200, { accessToken: `a${n}`, refreshToken: currentRefresh, expiresIn: 900 });
    }
    if (url === '/api/auth/refresh') {
      if (opts.refreshOk === false || body.refreshToken !== currentRefresh) {
        return json(401, { title: 'Invalid refresh token', status: 401 }, 'application/problem+json');
      }
      n++;
      valid.add(`a${n}`);
      currentRefresh = `r${n}`;
      return json(200, { accessToken: `a${n}`, refreshToken: currentRefresh, expiresIn: 900 });
    }
    const token = headers.get('authorization')?.replace('Bearer ', '');
    if (!token || !valid.has(token)) return json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json');
    if (url === '/api/bad') {
      return json(400, { title: 'Validation failed', status: 400, errors: { Name: ['Required.'] } }, 'application/problem+json');
    }
    if (init?.method === 'DELETE') return new Response(null, { status: 204 });
    return json(200, { ok: true, url });
  });
  return {
    calls,
    fetchImpl,
    valid,
    setRefresh: (r: string) => (currentRefresh = r),
  };
}

describe('ApiClient', () => {
  it('keeps the access token in memory and the refresh token in storage', async () => {
    const srv = fakeServer();
    const storage = memStorage();
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage });
    await c.login('a@b.c', 'correct horse battery');
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('r2');
    expect([...storage.data.values()]).not.toContain('a2');
    expect(await c.get('/api/me')).toEqual({ ok: true, url: '/api/me' });
    expect(srv.calls.at(-1)?.auth).toBe('Bearer a2');
    // Login itself must not send a bearer token.
    expect(srv.calls[0].auth).toBeNull();
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const srv = fakeServer();
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage: memStorage() });
    await c.login('a@b.c', 'pw');
    srv.valid.clear(); // server forgets the access token
    expect(await c.get('/api/projects')).toMatchObject({ ok: true });
    const urls = srv.calls.map((x) => x.url);
    expect(urls).toEqual(['/api/auth/login', '/api/projects', '/api/auth/refresh', '/api/projects']);
    expect(srv.calls.at(-1)?.auth).toBe('Bearer a3');
  });

  it('shares one refresh between concurrent requests', async () => {
    const srv = fakeServer();
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage: memStorage() });
    await c.login('a@b.c', 'pw');
    srv.valid.clear();
    await Promise.all([c.get('/api/a'), c.get('/api/b'), c.get('/api/c')]);
    expect(srv.calls.filter((x) => x.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('restores a session from a stored refresh token before the first call', async () => {
    const srv = fakeServer();
    const storage = memStorage({ [REFRESH_TOKEN_KEY]: 'r1' });
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage });
    expect(c.hasSession).toBe(true);
    await c.get('/api/me');
    expect(srv.calls.map((x) => x.url)).toEqual(['/api/auth/refresh', '/api/me']);
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('r2');
  });

  it('tabs sharing storage refresh one after another, each presenting the token the other stored', async () => {
    // A stand-in for the Web Locks API (Node has none): one holder at a time, in request order.
    let tail: Promise<unknown> = Promise.resolve();
    vi.stubGlobal('navigator', {
      locks: {
        request: (_name: string, work: () => Promise<unknown>) => {
          const run = tail.then(work);
          tail = run.catch(() => undefined);
          return run;
        },
      },
    });
    try {
      const srv = fakeServer();
      const storage = memStorage({ [REFRESH_TOKEN_KEY]: 'r1' });
      const a = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage });
      const b = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage });
      expect(await Promise.all([a.refresh(), b.refresh()])).toEqual([true, true]);
      const presented = srv.calls.filter((x) => x.url === '/api/auth/refresh').map((x) => (x.body as { refreshToken: string }).refreshToken);
      expect(presented).toEqual(['r1', 'r2']);
      expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('r3');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('clears tokens and reports session loss when refresh fails', async () => {
    const srv = fakeServer({ refreshOk: false });
    const storage = memStorage();
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage });
    await c.login('a@b.c', 'pw');
    srv.valid.clear();
    const lost = vi.fn();
    c.onAuthLost(lost);
    await expect(c.get('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(storage.data.has(REFRESH_TOKEN_KEY)).toBe(false);
    expect(c.hasSession).toBe(false);
  });

  it('offline, sends the request anyway (the service worker may answer from its copy) and keeps the session', async () => {
    const calls: string[] = [];
    const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      calls.push(url);
      if (url === '/api/auth/refresh') throw new TypeError('Failed to fetch');
      return json(200, [{ id: 'p1', name: 'Saved project' }]);
    });
    const storage = memStorage({ [REFRESH_TOKEN_KEY]: 'r1' });
    const c = new ApiClient({ fetch: fetchImpl as typeof fetch, storage });
    const lost = vi.fn();
    c.onAuthLost(lost);

    expect(await c.get('/api/projects')).toEqual([{ id: 'p1', name: 'Saved project' }]);
    expect(calls).toEqual(['/api/auth/refresh', '/api/projects']);
    expect(lost).not.toHaveBeenCalled();
    expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('r1');
  });

  it('surfaces problem details with field errors', async () => {
    const srv = fakeServer();
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage: memStorage() });
    await c.login('a@b.c', 'pw');
    const err = await c.post('/api/bad', { name: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).forField('name')).toEqual(['Required.']);
  });

  it('returns undefined for 204 responses', async () => {
    const srv = fakeServer();
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage: memStorage() });
    await c.login('a@b.c', 'pw');
    expect(await c.del('/api/projects/1')).toBeUndefined();
  });

  it('never puts tokens in URLs and logs out with the refresh token in the body', async () => {
    const srv = fakeServer();
    const storage = memStorage();
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage });
    await c.login('a@b.c', 'pw');
    srv.valid.clear();
    await c.get('/api/me');
    await c.logout();
    const logout = srv.calls.find((x) => x.url === '/api/auth/logout');
    expect(logout?.body).toEqual({ refreshToken: 'r3' });
    expect(logout?.auth).toBe('Bearer a3');
    for (const call of srv.calls) expect(call.url).not.toMatch(/token|a\d|r\d/i);
    expect(storage.data.has(REFRESH_TOKEN_KEY)).toBe(false);
  });

  it('refreshes proactively when the access token is about to expire', async () => {
    const srv = fakeServer();
    let now = 1_000_000;
    const c = new ApiClient({ fetch: srv.fetchImpl as typeof fetch, storage: memStorage(), now: () => now });
    await c.login('a@b.c', 'pw');
    now += 890_000; // 10 s before the 900 s expiry
    await c.get('/api/me');
    expect(srv.calls.map((x) => x.url)).toEqual(['/api/auth/login', '/api/auth/refresh', '/api/me']);
  });
});
