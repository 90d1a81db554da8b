import type { ReactNode } from 'react';
import { useCurrentUser } from './AuthContext';
import { ForbiddenPage } from './ForbiddenPage';
import { type Action, can } from './permissions';

/** Renders children only for users who may do `action` (in their own hall); else a 403 page. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const user = useCurrentUser();
  return can(user, action) ? <>{children}</> : <ForbiddenPage />;
}
