import { z } from 'zod';
import { fieldMessage } from '../http/field-messages.js';

export const roleSchema = z.enum(['admin', 'manager', 'staff', 'inspector']);
export const usernameSchema = z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._-]+$/, fieldMessage({ zh: '只能包含英文字母、数字和 . _ -', en: 'letters, digits, . _ - only' }));
export const passwordSchema = z.string().min(8).max(200);
export const personNameSchema = z.string().trim().min(1).max(100);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  hallId: z.string().nullable(),
  staffNumber: z.string().nullable(),
  photoUrl: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userSchema>;

export const createUserBody = z.object({
  username: usernameSchema,
  password: passwordSchema,
  name: personNameSchema,
  role: roleSchema,
  hallId: z.string().uuid().transform((v) => v.toLowerCase()).nullable().optional(),
  staffNumber: z.string().trim().min(1).max(32).nullable().optional(),
}).strict();

export const updateUserBody = z.object({
  name: personNameSchema.optional(),
  role: roleSchema.optional(),
  hallId: z.string().uuid().transform((v) => v.toLowerCase()).nullable().optional(),
  staffNumber: z.string().trim().min(1).max(32).nullable().optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
}).strict();

export const listUsersQuery = z.object({ hallId: z.string().uuid().transform((v) => v.toLowerCase()).optional() });

export const loginBody = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict();
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }).strict();
