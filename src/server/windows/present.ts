import { DEFAULT_OPENING_CHECKLIST } from '../../core/windows/opening-checklist.js';
import type { Language } from '../http/errors.js';
import type { WindowRow } from './repo.js';
import type { WindowDto } from './schemas.js';

export function presentWindow(w: WindowRow, lang: Language): WindowDto {
  return {
    id: w.id, hallId: w.hallId, number: w.number, name: w.name, status: w.status, serviceIds: w.serviceIds,
    openingChecklist: DEFAULT_OPENING_CHECKLIST.map((i) => ({ id: i.id, label: i.label[lang] })),
    createdAt: w.createdAt.toISOString(),
  };
}

export function windowLogSummary(w: WindowRow) {
  return { number: w.number, name: w.name, serviceIds: w.serviceIds };
}
