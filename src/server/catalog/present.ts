import type { services } from '../../db/schema.js';
import type { ServiceDto } from './schemas.js';

export function presentService(s: typeof services.$inferSelect): ServiceDto {
  return {
    id: s.id, hallId: s.hallId, code: s.code, name: s.name, ticketPrefix: s.ticketPrefix, kind: s.kind,
    statutoryDays: s.statutoryDays, promisedDays: s.promisedDays, materials: s.materials, createdAt: s.createdAt.toISOString(),
  };
}
