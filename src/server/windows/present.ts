import { openingChecklistFor, type HallChecklistItem } from '../../core/windows/opening-checklist.js';
import type { Language } from '../http/errors.js';
import type { WindowRow } from './repo.js';
import type { WindowDto } from './schemas.js';

export function presentWindow(w: WindowRow, lang: Language, checklist: HallChecklistItem[] | null = null): WindowDto {
  return {
    id: w.id, hallId: w.hallId, number: w.number, name: w.name, status: w.status, serviceIds: w.serviceIds,
    openingChecklist: openingChecklistFor(checklist, lang),
    createdAt: w.createdAt.toISOString(),
  };
}

export function windowLogSummary(w: WindowRow) {
  return { number: w.number, name: w.name, serviceIds: w.serviceIds };
}
