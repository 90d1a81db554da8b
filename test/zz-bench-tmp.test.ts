import { it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestApp } from './harness.js';
import { createHall, createDevice } from './factories/hall.js';
import { openSse } from './sse-client.js';
import { runCommand } from '../src/server/run-command.js';
it('bench', async () => {
  const t = await createTestApp();
  const base = await t.listen();
  const hall = await createHall(t.admin);
  const d = await createDevice(t.admin, hall.id, 'display');
  const run = async (label: string, pause: boolean) => {
    const t0 = Date.now();
    await Promise.all(Array.from({length: 8}, async (_, w) => { for (let i = 0; i < 50; i++) { await runCommand(t.ctx, null, async (_tx, fx) => fx.emit(hall.id, 'hall.updated', { hallId: hall.id, name: 'x' })); if (pause) await sleep((w + i) % 4); } }));
    console.log(label, Date.now() - t0);
  };
  await run('no client, no pause', false);
  await run('no client, pause', true);
  const s = await openSse(`${base}/api/v1/halls/${hall.id}/events`, { bearer: d.token });
  await run('sse client, no pause', false);
  await run('sse client, pause', true);
  s.close();
  let stop = false; let conns = 0;
  const loop = (async () => { while (!stop) { const c = await openSse(`${base}/api/v1/halls/${hall.id}/events`, { bearer: d.token, lastEventId: 1 }); conns++; await sleep(5); c.close(); } })();
  await run('reconnecting client, pause', true);
  stop = true; await loop; console.log('conns', conns);
  await t.close();
}, 60000);
