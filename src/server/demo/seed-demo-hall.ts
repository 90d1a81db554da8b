// Seeds the demo hall into an empty database and returns what to print: passwords and device
// tokens exist in clear only in this return value.
import { eq, sql } from 'drizzle-orm';
import { halls, services, users, windows, windowServices } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { hashPassword } from '../auth/passwords.js';
import { newReadablePassword } from '../auth/tokens.js';
import { createHall } from '../halls/create-hall.js';
import { createDevice } from '../devices/routes.js';
import { runCommand } from '../run-command.js';
import { withMaterialIds } from '../catalog/service-rules.js';
import { DEMO_DEVICES, DEMO_HALL, DEMO_PEOPLE, DEMO_SERVICES, DEMO_WINDOWS } from './demo-hall.js';
import { seedDemoCases } from './demo-cases.js';

export interface DemoSeed {
  hallId: string;
  people: { username: string; password: string; role: string; name: string }[];
  devices: { kind: string; name: string; token: string }[];
}

export async function seedDemoHall(
  ctx: AppContext,
  passwordFor: (username: string) => string = () => newReadablePassword(10),
  options: { history?: boolean } = {},
): Promise<DemoSeed | null> {
  const [{ count } = { count: 0 }] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(halls);
  if (count > 0) return null;
  const system = { type: 'system' as const, id: null, name: 'demo-seed' };
  const hall = await createHall(ctx, system, { ...DEMO_HALL, hoursExceptions: [] });
  const people = DEMO_PEOPLE.map((p) => ({ ...p, password: passwordFor(p.username) }));
  const hashes = await Promise.all(people.map((p) => hashPassword(p.password)));
  const devicesOut: DemoSeed['devices'] = [];
  const serviceIds = new Map<string, string>();
  await runCommand(ctx, system, async (tx, fx) => {
    for (const s of DEMO_SERVICES) {
      const [row] = await tx.insert(services).values({ ...s, hallId: hall.id, materials: withMaterialIds(s.materials) }).returning({ id: services.id });
      serviceIds.set(s.code, row!.id);
    }
    for (const w of DEMO_WINDOWS) {
      const [row] = await tx.insert(windows).values({ hallId: hall.id, number: w.number, name: w.name }).returning({ id: windows.id });
      await tx.insert(windowServices).values(w.services.map((code) => ({ windowId: row!.id, serviceId: serviceIds.get(code)! })));
    }
    await tx.insert(users).values(people.map((p, i) => ({
      username: p.username, passwordHash: hashes[i]!, name: p.name, role: p.role, hallId: hall.id, staffNumber: p.staffNumber,
    })));
    for (const d of DEMO_DEVICES) {
      const { token } = await createDevice(tx, hall.id, d.kind, d.name);
      devicesOut.push({ kind: d.kind, name: d.name, token });
    }
    fx.audit({
      action: 'demo.seeded', hallId: hall.id, targetType: 'hall', targetId: hall.id,
      after: { services: DEMO_SERVICES.length, windows: DEMO_WINDOWS.length, people: people.length, devices: DEMO_DEVICES.length },
    });
  });
  if (options.history ?? ctx.env.DEMO_HISTORY) await seedHistory(ctx, hall.id, hall.timezone, serviceIds);
  return {
    hallId: hall.id,
    people: people.map((p) => ({ username: p.username, password: p.password, role: p.role, name: p.name })),
    devices: devicesOut,
  };
}

async function seedHistory(ctx: AppContext, hallId: string, timezone: string, serviceIds: Map<string, string>): Promise<void> {
  const people = await ctx.db.select().from(users).where(eq(users.hallId, hallId));
  const rows = await ctx.db.select().from(services).where(eq(services.hallId, hallId));
  await seedDemoCases(ctx, {
    hallId, timezone,
    people: new Map(people.map((p) => [p.username, { type: 'user' as const, id: p.id, username: p.username, name: p.name, role: p.role, hallId }])),
    services: new Map([...serviceIds].map(([code, id]) => [code, { id, materials: rows.find((r) => r.id === id)!.materials }])),
  });
}
