import { api, seg } from './client';
import type { Hall, HallInput, ListResponse } from './types';

export const hallsApi = {
  list: (signal?: AbortSignal) => api.get<ListResponse<Hall>>('/halls', { signal }).then((r) => r.items),
  get: (hallId: string, signal?: AbortSignal) => api.get<Hall>(`/halls/${seg(hallId)}`, { signal }),
  create: (input: HallInput) => api.post<Hall>('/halls', input),
  update: (hallId: string, input: Partial<HallInput>) => api.patch<Hall>(`/halls/${seg(hallId)}`, input),
  archive: (hallId: string) => api.delete(`/halls/${seg(hallId)}`),
};
