import { api } from './client';
import type { User } from './types';

export const authApi = {
  login: (username: string, password: string) =>
    api.post<{ user: User }>('/auth/login', { username, password }, { expectUnauthorized: true }).then((r) => r.user),
  logout: () => api.post<void>('/auth/logout', undefined, { expectUnauthorized: true }),
  me: (signal?: AbortSignal) => api.get<{ user: User }>('/auth/me', { signal, expectUnauthorized: true }).then((r) => r.user),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }, { expectUnauthorized: true }),
};
