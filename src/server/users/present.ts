import type { users } from '../../db/schema.js';
import type { UserDto } from './schemas.js';

type UserRow = typeof users.$inferSelect;

export function presentUser(u: Omit<UserRow, 'photo' | 'passwordHash'> & Partial<Pick<UserRow, 'photo' | 'passwordHash'>>): UserDto {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    hallId: u.hallId,
    staffNumber: u.staffNumber,
    // The version busts browser caches when the photo changes (R-25 工号牌 photos on the board).
    photoUrl: u.photoVersion > 0 ? `/api/v1/users/${u.id}/photo?v=${u.photoVersion}` : null,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Log summaries never carry secrets or image bytes. */
export function userLogSummary(u: UserDto): Record<string, unknown> {
  return { username: u.username, name: u.name, role: u.role, hallId: u.hallId, staffNumber: u.staffNumber, active: u.active };
}
