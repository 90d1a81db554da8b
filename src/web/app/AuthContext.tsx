// Who is signed in. Asks /auth/me once on start, and forgets the user when any API call
// reports that the session has ended.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { authApi } from '../api/auth';
import { isApiError, onUnauthorized } from '../api/client';
import type { User } from '../api/types';

/** Why there is no user: signed out on purpose, or the session ended under us. */
export type SignedOutReason = 'logout' | 'expired' | null;

export interface AuthState {
  user: User | null;
  signedOutReason: SignedOutReason;
  /** 'loading' until /auth/me has answered. */
  status: 'loading' | 'ready';
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
  setUser: (user: User) => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready'>('loading');
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);

  useEffect(() => {
    const controller = new AbortController();
    authApi.me(controller.signal).then(
      (me) => {
        setUser(me);
        setStatus('ready');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (!isApiError(error) || error.status !== 401) console.warn('Could not load the session', error);
        setUser(null);
        setStatus('ready');
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthorized(() => {
        setUser((current) => {
          if (current) setSignedOutReason('expired');
          return null;
        });
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const signedIn = await authApi.login(username, password);
    setSignedOutReason(null);
    setUser(signedIn);
    return signedIn;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setSignedOutReason('logout');
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({ user, signedOutReason, status, login, logout, setUser }),
    [user, signedOutReason, status, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}

/** The signed-in user, for components rendered behind <RequireAuth>. */
export function useCurrentUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a signed-in user');
  return user;
}
