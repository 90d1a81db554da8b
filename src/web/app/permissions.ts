// What the signed-in user may do, decided by the same policy table the server enforces
// (src/core/access/policy.ts). The UI only hides what the server would refuse.
import { type Action, decide, mayAssignRole } from '../../core/access/policy';
import { ROLES, type Role, type User } from '../api/types';

export type { Action };

const asActor = (user: User) =>
  ({ type: 'user', id: user.id, username: user.username, name: user.name, role: user.role, hallId: user.hallId }) as const;

/** May the user do `action` in `hallId`? Without a hall: in their own hall (any hall for admins). */
export function can(user: User, action: Action, hallId: string | null = user.hallId): boolean {
  return decide(asActor(user), action, user.role === 'admin' ? hallId : (hallId ?? user.hallId)).allowed;
}

export const isAdmin = (user: User): boolean => user.role === 'admin';

/** Roles the user may give to accounts they create or edit. */
export function assignableRoles(user: User): Role[] {
  return ROLES.filter((role) => mayAssignRole(asActor(user), role));
}

/** May the user edit or deactivate this account? */
export const canManageUser = (user: User, target: User): boolean =>
  can(user, 'users.manage', target.hallId) && (isAdmin(user) || assignableRoles(user).includes(target.role));
