import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, REFRESH_TOKEN_KEY } from '../api/client';
import { toProblem, type ProblemError } from '../api/problem';
import type { Me } from '../api/types';
import { clearOfflineData } from '../lib/offline';

/** `offline`: a saved session could not be checked because the server is unreachable; pages show what the device saved. */
export type AuthStatus = 'loading' | 'anonymous' | 'authenticated' | 'offline' | 'error';

interface AuthState {
  status: AuthStatus;
  me: Me | null;
  /** Why the user was sent to the login page (e.g. session expired). */
  notice: string | null;
  /** True right after the user chose to log out (so we don't offer to return to the old page). */
  loggedOut: boolean;
  bootError: ProblemError | null;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  refreshMe(): Promise<void>;
  retryBoot(): void;
  clearNotice(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  const [bootError, setBootError] = useState<ProblemError | null>(null);
  const [bootAttempt, setBootAttempt] = useState(0);
  const meRef = useRef<Me | null>(null);
  meRef.current = me;

  // Initial session restore from the stored refresh token.
  useEffect(() => {
    let cancelled = false;
    if (!api.hasSession) {
      setStatus('anonymous');
      return;
    }
    setStatus('loading');
    api
      .get<Me>('/api/me')
      .then((m) => {
        if (cancelled) return;
        setMe(m);
        setStatus('authenticated');
      })
      .catch((err) => {
        if (cancelled) return;
        const p = toProblem(err);
        if (p.status === 401) {
          setStatus('anonymous');
        } else if (p.status === 0 && api.hasSession) {
          setStatus('offline');
        } else {
          setBootError(p);
          setStatus('error');
        }
      });
    return () => {
      cancelled = true;
    };
  }, [bootAttempt]);

  // Back online with a saved session: check it again.
  useEffect(() => {
    if (status !== 'offline') return;
    const online = () => setBootAttempt((n) => n + 1);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [status]);

  // Session lost mid-use (refresh failed): drop to the login page with a notice.
  useEffect(
    () =>
      api.onAuthLost(() => {
        void clearOfflineData();
        if (meRef.current) setNotice('Your session has expired. Please log in again.');
        setMe(null);
        setStatus('anonymous');
      }),
    [],
  );

  // Logged out in another tab.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === REFRESH_TOKEN_KEY && e.newValue === null) {
        api.clearTokens();
        setMe(null);
        setStatus('anonymous');
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    await api.login(email, password);
    // Whatever an earlier account left for offline use is not this account's.
    await clearOfflineData();
    const m = await api.get<Me>('/api/me');
    setMe(m);
    setNotice(null);
    setLoggedOut(false);
    setStatus('authenticated');
  }, []);

  const logout = useCallback(async () => {
    await api.logout();
    await clearOfflineData();
    setLoggedOut(true);
    setMe(null);
    setNotice('You have been logged out.');
    setStatus('anonymous');
  }, []);

  const refreshMe = useCallback(async () => {
    try {
      setMe(await api.get<Me>('/api/me'));
    } catch {
      /* header info is best-effort */
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      status,
      me,
      notice,
      loggedOut,
      bootError,
      login,
      logout,
      refreshMe,
      retryBoot: () => setBootAttempt((n) => n + 1),
      clearNotice: () => setNotice(null),
    }),
    [status, me, notice, loggedOut, bootError, login, logout, refreshMe],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
