// The public service guide: no sign-in, the same for a phone, the hall's website and the kiosk.
import { api, seg } from '../api/client';
import type { ItemType, Material, ServiceGuide, ServiceKind } from '../api/types';

export interface PublicHall {
  id: string;
  name: string;
  address: string | null;
  phone: string | null;
}

export interface GuideSummary {
  id: string;
  code: string;
  name: string;
  itemType: ItemType;
  kind: ServiceKind;
  promisedDays: number | null;
  department: string | null;
  materialCount: number;
  materialNames: string[];
}

export interface GuideItem extends ServiceGuide {
  id: string;
  hall: PublicHall;
  code: string;
  name: string;
  kind: ServiceKind;
  statutoryDays: number | null;
  promisedDays: number | null;
  materials: Material[];
  windows: { number: number; name: string }[];
  updatedAt: string;
}

const quiet = { expectUnauthorized: true };

export const guideApi = {
  halls: (signal?: AbortSignal) => api.get<{ items: PublicHall[] }>('/public/halls', { signal, ...quiet }).then((r) => r.items),
  list: (hallId: string, signal?: AbortSignal) =>
    api.get<{ hall: PublicHall; items: GuideSummary[] }>(`/public/halls/${seg(hallId)}/guide`, { signal, ...quiet }),
  item: (hallId: string, serviceId: string, signal?: AbortSignal) =>
    api.get<GuideItem>(`/public/halls/${seg(hallId)}/guide/${seg(serviceId)}`, { signal, ...quiet }),
};
