import { api, seg } from './client';
import type { ListResponse, ServiceWindow, WindowInput } from './types';

export const windowsApi = {
  list: (hallId: string, signal?: AbortSignal) =>
    api.get<ListResponse<ServiceWindow>>(`/halls/${seg(hallId)}/windows`, { signal }).then((r) => r.items),
  create: (hallId: string, input: WindowInput) => api.post<ServiceWindow>(`/halls/${seg(hallId)}/windows`, input),
  update: (windowId: string, input: Partial<WindowInput>) => api.patch<ServiceWindow>(`/windows/${seg(windowId)}`, input),
  archive: (windowId: string) => api.delete(`/windows/${seg(windowId)}`),
};
