import { api, seg } from './client';
import type { ListResponse, Material, Service, ServiceInput } from './types';

/** The catalogue document (docs/CATALOG-FORMAT.md): services by code, materials without ids. */
export interface CatalogDocument {
  format: 'chuangkou.catalog';
  version: 1;
  exportedAt?: string;
  hall?: { name: string };
  services: Array<Omit<ServiceInput, 'materials'> & { materials: Array<Omit<Material, 'id'>> }>;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  services: { id: string; code: string; name: string; result: 'created' | 'updated' | 'unchanged' }[];
}

export const servicesApi = {
  list: (hallId: string, signal?: AbortSignal) =>
    api.get<ListResponse<Service>>(`/halls/${seg(hallId)}/services`, { signal }).then((r) => r.items),
  create: (hallId: string, input: ServiceInput) => api.post<Service>(`/halls/${seg(hallId)}/services`, input),
  update: (serviceId: string, input: Partial<ServiceInput>) => api.patch<Service>(`/services/${seg(serviceId)}`, input),
  archive: (serviceId: string) => api.delete(`/services/${seg(serviceId)}`),
  exportCatalog: (hallId: string) => api.get<CatalogDocument>(`/halls/${seg(hallId)}/catalog/export`),
  /** Sends the document as it was read from the file: the server validates it and names every problem. */
  importCatalog: (hallId: string, document: unknown) => api.post<ImportResult>(`/halls/${seg(hallId)}/catalog/import`, document),
};
