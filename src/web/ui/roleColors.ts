import type { Role } from '../api/types';

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  manager: 'gold',
  staff: 'blue',
  inspector: 'purple',
};
