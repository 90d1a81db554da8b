// People: admins, hall managers, window staff, inspectors. Managers staff their own hall.
import { z } from 'zod';
import { mayAssignRole, type Actor, type Role } from '../../core/access/policy.js';
import type { AppContext } from '../context.js';
import { authorize, visibleHallIds } from '../access/authorize.js';
import { hashPassword } from '../auth/passwords.js';
import { AppError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { runCommand } from '../run-command.js';
import { presentUser, userLogSummary } from './present.js';
import * as repo from './repo.js';
import { createUserBody, listUsersQuery, updateUserBody, userSchema } from './schemas.js';
import { detectImageType, PHOTO_MAX_BYTES, PHOTO_TYPES } from './photo.js';

const userParams = z.object({ userId: idParam });

const hallRequired = () => fieldProblem('hallId', { zh: '该角色须指定所属大厅', en: 'required for this role' });

export function registerUserRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/users', tags: ['users'], auth: 'user',
    summary: 'List people (an admin sees every hall; others their own hall)',
    query: listUsersQuery, response: z.object({ items: z.array(userSchema) }),
    handler: async ({ actor, query }) => {
      if (query.hallId) authorize(actor, 'users.read', query.hallId);
      else if (actor.role !== 'admin') authorize(actor, 'users.read', actor.hallId);
      const hallIds = query.hallId ? [query.hallId] : visibleHallIds(actor);
      return { items: (await repo.listUsers(ctx.db, hallIds)).map(presentUser) };
    },
  });

  defineRoute(host, {
    method: 'POST', url: '/api/v1/users', tags: ['users'], auth: 'user', status: 201,
    summary: 'Create a person account', body: createUserBody, response: userSchema,
    handler: async ({ actor, body }) => {
      const hallId = body.role === 'admin' ? null : body.hallId ?? (actor.role === 'manager' ? actor.hallId : null);
      if (body.role !== 'admin' && !hallId) throw new AppError('validation_failed', [hallRequired()]);
      authorize(actor, 'users.manage', hallId);
      if (!mayAssignRole(actor, body.role)) throw new AppError('forbidden', { role: body.role });
      if (hallId && !(await repo.hallExists(ctx.db, hallId))) throw new AppError('not_found', { hallId });
      const passwordHash = await hashPassword(body.password);
      return runCommand(ctx, actor, async (tx, fx) => {
        if (await repo.usernameExists(tx, body.username)) throw new AppError('username_taken');
        const user = presentUser(await repo.insertUser(tx, {
          username: body.username, passwordHash, name: body.name, role: body.role, hallId, staffNumber: body.staffNumber ?? null,
        }));
        fx.audit({ action: 'user.created', hallId, targetType: 'user', targetId: user.id, after: userLogSummary(user) });
        return user;
      });
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/users/:userId', tags: ['users'], auth: 'user',
    summary: 'One person', params: userParams, response: userSchema,
    handler: async ({ actor, params }) => {
      const user = await repo.findUser(ctx.db, params.userId);
      if (!user) throw new AppError('not_found');
      if (user.id !== actor.id) authorize(actor, 'users.read', user.hallId);
      return presentUser(user);
    },
  });

  defineRoute(host, {
    method: 'PATCH', url: '/api/v1/users/:userId', tags: ['users'], auth: 'user',
    summary: 'Change a person: name, role, hall, staff number, active, or reset the password',
    params: userParams, body: updateUserBody, response: userSchema,
    handler: async ({ actor, params, body }) => {
      const current = await repo.findUser(ctx.db, params.userId);
      if (!current) throw new AppError('not_found');
      mayManage(actor, current.role, current.hallId);
      const role = body.role ?? current.role;
      const hallId = role === 'admin' ? null : body.hallId !== undefined ? body.hallId : current.hallId;
      if (role !== 'admin' && !hallId) throw new AppError('validation_failed', [hallRequired()]);
      mayManage(actor, role, hallId);
      if (hallId && hallId !== current.hallId && !(await repo.hallExists(ctx.db, hallId))) throw new AppError('not_found', { hallId });
      if (body.active === false && current.id === actor.id) throw new AppError('cannot_deactivate_self');
      const passwordHash = body.password ? await hashPassword(body.password) : undefined;
      return runCommand(ctx, actor, async (tx, fx) => {
        const stopsBeingAdmin = current.role === 'admin' && current.active && (role !== 'admin' || body.active === false);
        if (stopsBeingAdmin && (await repo.otherActiveAdmins(tx, current.id)) === 0) throw new AppError('last_admin');
        const updated = presentUser(await repo.updateUser(tx, current.id, {
          ...(body.name !== undefined && { name: body.name }),
          ...(body.staffNumber !== undefined && { staffNumber: body.staffNumber }),
          ...(body.active !== undefined && { active: body.active }),
          ...(passwordHash && { passwordHash }),
          role, hallId,
        }));
        if (body.active === false || passwordHash) await repo.deleteSessionsOf(tx, current.id);
        const before = userLogSummary(presentUser(current));
        fx.audit({ action: passwordHash ? 'user.updated_password_reset' : 'user.updated', hallId: updated.hallId, targetType: 'user', targetId: current.id, before, after: userLogSummary(updated) });
        if (updated.hallId) fx.emit(updated.hallId, 'user.updated', { userId: updated.id });
        return updated;
      });
    },
  });

  defineRoute(host, {
    method: 'DELETE', url: '/api/v1/users/:userId', tags: ['users'], auth: 'user', status: 204,
    summary: 'Deactivate a person (history keeps referring to them)', params: userParams,
    handler: async ({ actor, params }) => {
      const current = await repo.findUser(ctx.db, params.userId);
      if (!current) throw new AppError('not_found');
      mayManage(actor, current.role, current.hallId);
      if (current.id === actor.id) throw new AppError('cannot_deactivate_self');
      await runCommand(ctx, actor, async (tx, fx) => {
        if (current.role === 'admin' && current.active && (await repo.otherActiveAdmins(tx, current.id)) === 0) throw new AppError('last_admin');
        await repo.updateUser(tx, current.id, { active: false });
        await repo.deleteSessionsOf(tx, current.id);
        fx.audit({ action: 'user.deactivated', hallId: current.hallId, targetType: 'user', targetId: current.id, before: { active: current.active }, after: { active: false } });
      });
    },
  });

  defineRoute(host, {
    method: 'PUT', url: '/api/v1/users/:userId/photo', tags: ['users'], auth: 'user',
    summary: 'Set the photo shown on the 工号牌 and the display board (PNG, JPEG or WebP, ≤ 2 MB)',
    params: userParams, rawBody: [...PHOTO_TYPES], response: userSchema,
    handler: async ({ actor, params, req }) => {
      const current = await repo.findUser(ctx.db, params.userId);
      if (!current) throw new AppError('not_found');
      if (current.id !== actor.id) mayManage(actor, current.role, current.hallId);
      const bytes = req.body;
      if (!(bytes instanceof Buffer) || bytes.length === 0) throw new AppError('invalid_photo');
      const type = detectImageType(bytes);
      if (!type || bytes.length > PHOTO_MAX_BYTES) throw new AppError('invalid_photo');
      return runCommand(ctx, actor, async (tx, fx) => {
        const updated = presentUser(await repo.updateUser(tx, current.id, {
          photo: new Uint8Array(bytes), photoType: type, photoVersion: current.photoVersion + 1,
        }));
        fx.audit({ action: 'user.photo_changed', hallId: current.hallId, targetType: 'user', targetId: current.id, after: { bytes: bytes.length, type } });
        if (current.hallId) fx.emit(current.hallId, 'user.updated', { userId: current.id });
        return updated;
      });
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/users/:userId/photo', tags: ['users'], auth: 'public', produces: 'image/*',
    // Public on purpose: R-25 requires the photo badge at the counter and on the board.
    summary: 'A staff photo (public, as the counter badge is)', params: userParams,
    handler: async ({ params, reply }) => {
      const photo = await repo.findPhoto(ctx.db, params.userId);
      if (!photo) throw new AppError('not_found');
      reply.header('content-type', photo.type).header('cache-control', 'public, max-age=86400');
      reply.send(Buffer.from(photo.bytes));
    },
  });
}

/** A manager manages staff and inspectors of their own hall, never admins or other managers. */
function mayManage(actor: Actor, role: Role, hallId: string | null): void {
  authorize(actor, 'users.manage', hallId);
  if (!mayAssignRole(actor, role)) throw new AppError('forbidden', { role });
}
