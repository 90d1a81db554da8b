import { api, seg } from './client';
import type { ListResponse, Service, ServiceInput } from './types';

export const servicesApi = {
  list: (hallId: string, signal?: AbortSignal) =>
    api.get<ListResponse<Service>>(`/halls/${seg(hallId)}/services`, { signal }).then((r) => r.items),
  create: (hallId: string, input: ServiceInput) => api.post<Service>(`/halls/${seg(hallId)}/services`, input),
  update: (serviceId: string, input: Partial<ServiceInput>) => api.patch<Service>(`/services/${seg(serviceId)}`, input),
  archive: (serviceId: string) => api.delete(`/services/${seg(serviceId)}`),
};
