// A list of the hall's cases (GET /halls/{hallId}/cases), refetched when a case event arrives,
// a burst of events costing one request.
import { useEffect, useRef } from 'react';
import type { CaseList, CaseListQuery } from '../api/case-types';
import { casesApi } from '../api/cases';
import { type Loaded, useLoad } from '../data/useLoad';
import { useCaseEvents } from './caseEvents';

const DEBOUNCE_MS = 400;

export function useCaseList(hallId: string, query: CaseListQuery, enabled = true): Loaded<CaseList> {
  const loaded = useLoad((signal) => casesApi.list(hallId, query, signal), [hallId, query], enabled);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = loaded.reload;
  useCaseEvents(() => {
    if (!enabled || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, DEBOUNCE_MS);
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return loaded;
}
