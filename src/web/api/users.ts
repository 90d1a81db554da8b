import { api, request, seg } from './client';
import type { ListResponse, User, UserCreateInput, UserUpdateInput } from './types';

export const usersApi = {
  /** Without hallId: every user the caller may see. */
  list: (hallId: string | null, signal?: AbortSignal) =>
    api.get<ListResponse<User>>('/users', { query: { hallId }, signal }).then((r) => r.items),
  create: (input: UserCreateInput) => api.post<User>('/users', input),
  update: (userId: string, input: UserUpdateInput) => api.patch<User>(`/users/${seg(userId)}`, input),
  deactivate: (userId: string) => api.delete(`/users/${seg(userId)}`),
  /** The file goes as the raw request body, with its own Content-Type. */
  uploadPhoto: (userId: string, file: Blob) =>
    request<User>('PUT', `/users/${seg(userId)}/photo`, { body: file, contentType: file.type }),
};
