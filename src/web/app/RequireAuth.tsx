import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthContext';
import { PageLoading } from '../ui/PageLoading';

/** What /login is told when it is shown instead of a page. */
export interface LoginState {
  from?: string;
  expired?: boolean;
}

/**
 * Renders children for a signed-in user; otherwise sends them to /login, and back here after
 * signing in (unless they signed out on purpose).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, status, signedOutReason } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <PageLoading fullScreen />;
  if (!user) {
    const state: LoginState | undefined =
      signedOutReason === 'logout' ? undefined : { from: `${location.pathname}${location.search}`, expired: signedOutReason === 'expired' };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}
