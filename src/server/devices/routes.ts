// Devices of a hall (取号机 kiosk, 叫号屏 display, 评价器 evaluator). A device authenticates with
// a bearer token that is shown once at creation and stored only as a hash.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client.js';
import { devices } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { newSecretToken, tokenHash } from '../auth/tokens.js';
import { AppError } from '../http/errors.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { runCommand } from '../run-command.js';
import { findHall } from '../halls/repo.js';
import { writableHall } from '../halls/writable-hall.js';

const deviceSchema = z.object({
  id: z.string(), hallId: z.string(), kind: z.enum(['kiosk', 'display', 'evaluator']), name: z.string(),
  createdAt: z.string(), revokedAt: z.string().nullable(), lastSeenAt: z.string().nullable(),
});
const createDeviceBody = z.object({ kind: z.enum(['kiosk', 'display', 'evaluator']), name: z.string().trim().min(1).max(100) }).strict();
const renameDeviceBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();

type DeviceRow = typeof devices.$inferSelect;
const present = (d: DeviceRow) => ({
  id: d.id, hallId: d.hallId, kind: d.kind, name: d.name, createdAt: d.createdAt.toISOString(),
  revokedAt: d.revokedAt?.toISOString() ?? null, lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
});

async function findDevice(db: Queryable, id: string) {
  const [d] = await db.select().from(devices).where(eq(devices.id, id)).limit(1);
  return d ?? null;
}

/** Creates a device and returns its one-time token (also used by the demo seed). */
export async function createDevice(tx: Queryable, hallId: string, kind: DeviceRow['kind'], name: string) {
  const token = newSecretToken();
  const [d] = await tx.insert(devices).values({ hallId, kind, name, tokenHash: tokenHash(token) }).returning();
  return { device: d!, token };
}

export function registerDeviceRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/devices', tags: ['devices'], auth: 'user',
    summary: "The hall's devices (tokens are never shown again)", params: z.object({ hallId: idParam }),
    response: z.object({ items: z.array(deviceSchema) }),
    handler: async ({ actor, params }) => {
      authorize(actor, 'devices.read', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      const rows = await ctx.db.select().from(devices).where(eq(devices.hallId, params.hallId)).orderBy(asc(devices.kind), asc(devices.createdAt));
      return { items: rows.map(present) };
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/halls/:hallId/devices', tags: ['devices'], auth: 'user', status: 201,
    summary: 'Register a device; the response carries its token, shown this once',
    params: z.object({ hallId: idParam }), body: createDeviceBody, response: deviceSchema.extend({ token: z.string() }),
    handler: async ({ actor, params, body }) => {
      authorize(actor, 'devices.manage', params.hallId);
      return runCommand(ctx, actor, async (tx, fx) => {
        await writableHall(tx, params.hallId);
        const { device, token } = await createDevice(tx, params.hallId, body.kind, body.name);
        fx.audit({ action: 'device.created', hallId: device.hallId, targetType: 'device', targetId: device.id, after: { kind: device.kind, name: device.name } });
        fx.emit(device.hallId, 'device.created', { deviceId: device.id, kind: device.kind, name: device.name });
        return { ...present(device), token };
      });
    },
  });

  defineRoute(host, {
    method: 'PATCH', url: '/api/v1/devices/:deviceId', tags: ['devices'], auth: 'user',
    summary: 'Rename a device', params: z.object({ deviceId: idParam }), body: renameDeviceBody, response: deviceSchema,
    handler: async ({ actor, params, body }) => runCommand(ctx, actor, async (tx, fx) => {
      const d = await findDevice(tx, params.deviceId);
      if (!d) throw new AppError('not_found');
      authorize(actor, 'devices.manage', d.hallId);
      await writableHall(tx, d.hallId);
      const [after] = await tx.update(devices).set({ name: body.name }).where(eq(devices.id, d.id)).returning();
      fx.audit({ action: 'device.renamed', hallId: d.hallId, targetType: 'device', targetId: d.id, before: { name: d.name }, after: { name: body.name } });
      return present(after!);
    }),
  });

  defineRoute(host, {
    method: 'DELETE', url: '/api/v1/devices/:deviceId', tags: ['devices'], auth: 'user', status: 204,
    summary: 'Revoke a device: its token stops working at once', params: z.object({ deviceId: idParam }),
    handler: async ({ actor, params }) => {
      await runCommand(ctx, actor, async (tx, fx) => {
        const d = await findDevice(tx, params.deviceId);
        if (!d) throw new AppError('not_found');
        authorize(actor, 'devices.manage', d.hallId);
        // Revoking stays possible in an archived hall (no writableHall here): it only takes
        // access away, and a token that outlived its hall is one to be able to cut off.
        if (d.revokedAt) return;
        await tx.update(devices).set({ revokedAt: fx.now }).where(and(eq(devices.id, d.id), isNull(devices.revokedAt)));
        fx.audit({ action: 'device.revoked', hallId: d.hallId, targetType: 'device', targetId: d.id, before: { kind: d.kind, name: d.name } });
        fx.emit(d.hallId, 'device.revoked', { deviceId: d.id });
      });
    },
  });
}
