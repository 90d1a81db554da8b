import { casePolicyOf } from '../../core/cases/supervision-light.js';
import type { halls } from '../../db/schema.js';
import type { HallDto } from './schemas.js';

export function presentHall(h: typeof halls.$inferSelect): HallDto {
  return {
    id: h.id, name: h.name, timezone: h.timezone,
    openingHours: h.openingHours, hoursExceptions: h.hoursExceptions,
    address: h.address, phone: h.phone, openingChecklist: h.openingChecklist ?? null,
    casePolicy: casePolicyOf(h.casePolicy), createdAt: h.createdAt.toISOString(),
  };
}
