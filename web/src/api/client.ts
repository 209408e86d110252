import { ProblemError, networkProblem, problemFromResponse } from './problem';
import type { TokenPair } from './types';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const REFRESH_TOKEN_KEY = 'worldloom.refreshToken';

/** Refresh this many ms before the access token's stated expiry. */
const EXPIRY_SKEW_MS = 15_000;

export interface RequestOptions {
  /** Send the bearer token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

type Listener = () => void;

function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

function defaultStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') {
      const probe = '__worldloom_probe__';
      localStorage.setItem(probe, '1');
      localStorage.removeItem(probe);
      return localStorage;
    }
  } catch {
    /* private mode etc. */
  }
  return memoryStorage();
}

/**
 * Small fetch wrapper: keeps the access token in memory and the refresh token in storage,
 * refreshes once on 401 (single-flight) and reports when the session is lost.
 * Secrets only ever travel in headers or JSON bodies, never in URLs.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private accessExpiresAt = 0;
  private refreshing: Promise<boolean> | null = null;
  private listeners = new Set<Listener>();
  private tokenListeners = new Set<(accessToken: string) => void>();
  private readonly storage: KeyValueStorage;
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;
  private readonly now: () => number;

  constructor(opts: { storage?: KeyValueStorage; fetch?: typeof fetch; baseUrl?: string; now?: () => number } = {}) {
    this.storage = opts.storage ?? defaultStorage();
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = opts.baseUrl ?? '';
    this.now = opts.now ?? (() => Date.now());
  }

  // ---- token state -------------------------------------------------------

  get refreshToken(): string | null {
    try {
      return this.storage.getItem(REFRESH_TOKEN_KEY);
    } catch {
      return null;
    }
  }

  get hasSession(): boolean {
    return this.accessToken !== null || this.refreshToken !== null;
  }

  setTokens(pair: TokenPair): void {
    this.accessToken = pair.accessToken;
    const lifetime = Number.isFinite(pair.expiresIn) && pair.expiresIn > 0 ? pair.expiresIn : 300;
    this.accessExpiresAt = this.now() + lifetime * 1000;
    try {
      this.storage.setItem(REFRESH_TOKEN_KEY, pair.refreshToken);
    } catch {
      /* ignore */
    }
    for (const l of [...this.tokenListeners]) l(pair.accessToken);
  }

  /** Subscribe to new access tokens (login, refresh): the chat socket re-authenticates with them. */
  onTokens(listener: (accessToken: string) => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  /**
   * An access token still valid for at least `minValidityMs`, refreshing first when needed; null when signed out
   * or the refresh was refused. For connections (the chat WebSocket) that carry the token in a frame.
   */
  async accessTokenFor(minValidityMs: number): Promise<string | null> {
    if (this.accessToken && this.now() < this.accessExpiresAt - minValidityMs) return this.accessToken;
    if (!this.refreshToken) return this.accessToken;
    const ok = await this.refresh();
    return ok ? this.accessToken : null;
  }

  clearTokens(): void {
    this.accessToken = null;
    this.accessExpiresAt = 0;
    try {
      this.storage.removeItem(REFRESH_TOKEN_KEY);
    } catch {
      /* ignore */
    }
  }

  /** Subscribe to "session lost" (refresh failed). Returns an unsubscribe function. */
  onAuthLost(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private loseSession(): void {
    this.clearTokens();
    for (const l of [...this.listeners]) l();
  }

  private accessTokenFresh(): boolean {
    return this.accessToken !== null && this.now() < this.accessExpiresAt - EXPIRY_SKEW_MS;
  }

  /**
   * Exchange the stored refresh token for a new pair. Concurrent callers share one request.
   * Resolves false when the server rejects the refresh token (tokens are then cleared);
   * rejects on network failure (tokens are kept so a later retry can succeed).
   */
  refresh(): Promise<boolean> {
    if (this.refreshing) return this.refreshing;
    if (!this.refreshToken) return Promise.resolve(false);
    this.refreshing = (async () => {
      try {
        return await acrossTabs(() => this.exchange());
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /**
   * One refresh request, made while holding the cross-tab lock. The token is read from storage only now: a tab that
   * waited behind another uses the token that tab stored, instead of presenting the one it rotated away, which the
   * server would take for a stolen token and revoke the whole session for (tabs restored together all refresh at once).
   */
  private async exchange(): Promise<boolean> {
    const token = this.refreshToken;
    if (!token) return false;
    let res: Response;
    try {
      res = await this.fetchImpl(this.baseUrl + '/api/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: token }),
      });
    } catch {
      throw networkProblem();
    }
    if (res.ok) {
      this.setTokens((await res.json()) as TokenPair);
      return true;
    }
    if (res.status >= 500) throw await problemFromResponse(res);
    this.clearTokens();
    return false;
  }

  // ---- requests ----------------------------------------------------------

  /**
   * Perform a request and return the raw Response (used for streaming).
   * Throws ProblemError for non-2xx responses and network failures.
   */
  async raw(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<Response> {
    const auth = opts.auth ?? true;
    const send = async (): Promise<Response> => {
      const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (auth && this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
      try {
        return await this.fetchImpl(this.baseUrl + path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: opts.signal,
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        throw networkProblem();
      }
    };

    if (auth && !this.accessTokenFresh()) {
      if (!this.refreshToken && !this.accessToken) {
        this.loseSession();
        throw new ProblemError({ status: 401, title: 'You need to log in.' });
      }
      if (this.refreshToken) {
        let ok: boolean;
        try {
          ok = await this.refresh();
        } catch (err) {
          // Offline: send anyway, without a fresh token. The service worker may answer from what it saved (the
          // projects list); otherwise the request fails as a network problem like any other.
          if (!(err instanceof ProblemError && err.status === 0)) throw err;
          ok = true;
        }
        if (!ok) {
          this.loseSession();
          throw new ProblemError({ status: 401, title: 'Your session has expired. Please log in again.' });
        }
      }
    }

    let res = await send();
    if (auth && res.status === 401) {
      const ok = this.refreshToken ? await this.refresh() : false;
      if (ok) res = await send();
      if (!ok || res.status === 401) {
        this.loseSession();
        throw new ProblemError({ status: 401, title: 'Your session has expired. Please log in again.' });
      }
    }
    if (!res.ok) throw await problemFromResponse(res);
    return res;
  }

  /** JSON request helper. Returns undefined for 204 / empty bodies. */
  async request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    const res = await this.raw(method, path, body, opts);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    if (!text) return undefined as T;
    return JSON.parse(text) as T;
  }

  get<T>(path: string, opts?: RequestOptions) {
    return this.request<T>('GET', path, undefined, opts);
  }
  post<T>(path: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('POST', path, body, opts);
  }
  patch<T>(path: string, body?: unknown, opts?: RequestOptions) {
    return this.request<T>('PATCH', path, body, opts);
  }
  del<T = void>(path: string, opts?: RequestOptions) {
    return this.request<T>('DELETE', path, undefined, opts);
  }

  // ---- auth endpoints ----------------------------------------------------

  async login(email: string, password: string): Promise<void> {
    const pair = await this.post<TokenPair>('/api/auth/login', { email, password }, { auth: false });
    this.setTokens(pair);
  }

  /** Best-effort server logout (revokes the refresh token); local tokens are always cleared. */
  async logout(): Promise<void> {
    try {
      if (this.refreshToken && !this.accessTokenFresh()) await this.refresh().catch(() => false);
      const token = this.refreshToken;
      if (token && this.accessToken) {
        await this.raw('POST', '/api/auth/logout', { refreshToken: token }, {
          auth: false,
          headers: { Authorization: `Bearer ${this.accessToken}` },
        });
      }
    } catch {
      /* ignore: we are leaving anyway */
    } finally {
      this.clearTokens();
    }
  }
}

export const api = new ApiClient();

/**
 * Runs `work` while holding the browser-wide refresh lock (Web Locks API), so tabs of one origin never present the
 * same refresh token at once; where the API is missing (tests, old browsers) it runs unguarded.
 */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  // request() resolves to what the callback returns, here a promise: unwrap it once.
  return locks ? locks.request('worldloom.refresh', work).then((result) => result) : work();
}
