// A list of the hall's cases (GET /halls/{hallId}/cases), refetched when a case event arrives,
// a burst of events costing one request.
import type { CaseList, CaseListQuery } from '../api/case-types';
import { casesApi } from '../api/cases';
import { type Loaded, useLoad } from '../data/useLoad';
import { useReloadOnCaseEvents } from './caseEvents';

export function useCaseList(hallId: string, query: CaseListQuery, enabled = true): Loaded<CaseList> {
  const loaded = useLoad((signal) => casesApi.list(hallId, query, signal), [hallId, query], enabled);
  useReloadOnCaseEvents(loaded.reload, enabled);
  return loaded;
}
