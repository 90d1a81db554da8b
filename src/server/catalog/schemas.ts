import { z } from 'zod';

export const materialInput = z.object({
  id: z.string().uuid().optional(),
  name: z.string().trim().min(1).max(200),
  copies: z.number().int().min(0).max(99),
  original: z.boolean(),
  required: z.boolean(),
  note: z.string().trim().max(500).nullable().optional(),
}).strict();

const serviceFields = {
  code: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only'),
  name: z.string().trim().min(1).max(100),
  ticketPrefix: z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters'),
  kind: z.enum(['immediate', 'promised']),
  statutoryDays: z.number().int().min(0).max(3650).nullable(),
  promisedDays: z.number().int().min(0).max(3650).nullable(),
  materials: z.array(materialInput).max(100),
};

export const createServiceBody = z.object({
  ...serviceFields,
  statutoryDays: serviceFields.statutoryDays.optional(),
  promisedDays: serviceFields.promisedDays.optional(),
  materials: serviceFields.materials.default([]),
}).strict();
export const updateServiceBody = z.object(serviceFields).partial().strict();

export const materialSchema = z.object({
  id: z.string(), name: z.string(), copies: z.number(), original: z.boolean(), required: z.boolean(), note: z.string().nullable(),
});
export const serviceSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  code: z.string(),
  name: z.string(),
  ticketPrefix: z.string(),
  kind: z.enum(['immediate', 'promised']),
  statutoryDays: z.number().nullable(),
  promisedDays: z.number().nullable(),
  materials: z.array(materialSchema),
  createdAt: z.string(),
});
export type ServiceDto = z.infer<typeof serviceSchema>;
