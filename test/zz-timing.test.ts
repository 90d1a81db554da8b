import { afterAll, it } from 'vitest';
import { createTestApp } from './harness.js';
import { createHall, createService, createUser, createWindow, createDevice } from './factories/hall.js';
import { THURSDAY_10AM, openWindow } from './factories/queue.js';
const t = await createTestApp({ now: () => THURSDAY_10AM });
afterAll(async () => { await t.close(); });
it('times', async () => {
  const tm = async (label: string, f: () => Promise<unknown>) => { const s = performance.now(); const r = await f(); console.log(label, Math.round(performance.now() - s)); return r; };
  const hall = await tm('hall', () => createHall(t.admin, { openingHours: [1,2,3,4,5,6,7].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })) })) as { id: string };
  const svc = await tm('service', () => createService(t.admin, hall.id, { kind: 'immediate' })) as { id: string };
  const u = await tm('user', () => createUser(t.admin, hall.id, 'staff')) as { username: string; password: string };
  const c = await tm('login', () => t.login(u.username, u.password));
  for (let i = 0; i < 3; i++) {
    const w = await tm('window', () => createWindow(t.admin, hall.id, [svc.id])) as { id: string };
    await tm('open', () => openWindow(c, w.id));
    await tm('issue', () => t.admin.post(`/api/v1/halls/${hall.id}/tickets`, { serviceId: svc.id }));
    await tm('call', () => c.post(`/api/v1/windows/${w.id}/call-next`));
    await tm('state', () => c.get(`/api/v1/windows/${w.id}/state`));
    await tm('queue', () => c.get(`/api/v1/halls/${hall.id}/queue`));
  }
});
