// The only SQL for the users and sessions tables.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { halls, sessions, users } from '../../db/schema.js';

const withoutSecrets = {
  id: users.id, username: users.username, name: users.name, role: users.role, hallId: users.hallId,
  staffNumber: users.staffNumber, photoType: users.photoType, photoVersion: users.photoVersion,
  active: users.active, createdAt: users.createdAt,
};

export function listUsers(db: Queryable, hallIds: string[] | null) {
  const q = db.select(withoutSecrets).from(users);
  return (hallIds === null ? q : q.where(inArray(users.hallId, hallIds.length ? hallIds : ['00000000-0000-0000-0000-000000000000'])))
    .orderBy(asc(users.role), asc(users.username));
}

export async function findUser(db: Queryable, id: string) {
  const [u] = await db.select(withoutSecrets).from(users).where(eq(users.id, id)).limit(1);
  return u ?? null;
}

export async function findUserForLogin(db: Queryable, username: string) {
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return u ?? null;
}

export async function findUserSecret(db: Queryable, id: string) {
  const [u] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1);
  return u?.passwordHash ?? null;
}

export async function usernameExists(db: Queryable, username: string): Promise<boolean> {
  const [u] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  return Boolean(u);
}

export async function hallExists(db: Queryable, hallId: string): Promise<boolean> {
  const [h] = await db.select({ id: halls.id }).from(halls)
    .where(and(eq(halls.id, hallId), sql`${halls.archivedAt} is null`)).limit(1);
  return Boolean(h);
}

export async function insertUser(db: Queryable, values: typeof users.$inferInsert) {
  const [u] = await db.insert(users).values(values).returning(withoutSecrets);
  return u!;
}

export async function updateUser(db: Queryable, id: string, values: Partial<typeof users.$inferInsert>) {
  const [u] = await db.update(users).set(values).where(eq(users.id, id)).returning(withoutSecrets);
  return u!;
}

export async function findPhoto(db: Queryable, id: string) {
  const [u] = await db.select({ photo: users.photo, photoType: users.photoType }).from(users).where(eq(users.id, id)).limit(1);
  return u?.photo ? { bytes: u.photo, type: u.photoType ?? 'application/octet-stream' } : null;
}

export async function insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

export async function deleteSession(db: Queryable, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Signing a person out everywhere: after a password change or deactivation. */
export async function deleteSessionsOf(db: Queryable, userId: string, exceptTokenHash?: string) {
  await db.delete(sessions).where(exceptTokenHash
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`)
    : eq(sessions.userId, userId));
}

/** Active admins other than `exceptId`: the platform must always keep one. */
export async function otherActiveAdmins(db: Queryable, exceptId: string): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), sql`${users.id} <> ${exceptId}`)).limit(1);
  return rows.length;
}
