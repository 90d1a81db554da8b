import { api, seg } from './client';
import type { CreatedDevice, Device, DeviceKind, ListResponse } from './types';

export const devicesApi = {
  list: (hallId: string, signal?: AbortSignal) =>
    api.get<ListResponse<Device>>(`/halls/${seg(hallId)}/devices`, { signal }).then((r) => r.items),
  /** The token is in this response only. */
  create: (hallId: string, input: { kind: DeviceKind; name: string }) =>
    api.post<CreatedDevice>(`/halls/${seg(hallId)}/devices`, input),
  revoke: (deviceId: string) => api.delete(`/devices/${seg(deviceId)}`),
};
