import { z } from 'zod';
import { fieldMessage } from '../http/field-messages.js';

const windowFields = {
  number: z.number().int().min(1).max(999),
  name: z.string().trim().min(1).max(50),
  serviceIds: z.array(z.string().uuid().transform((v) => v.toLowerCase())).max(50).refine((ids) => new Set(ids).size === ids.length, fieldMessage({ zh: '服务事项重复', en: 'duplicate service' })),
};
export const createWindowBody = z.object(windowFields).strict();
export const updateWindowBody = z.object(windowFields).partial().strict();

export const windowSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  number: z.number(),
  name: z.string(),
  status: z.enum(['closed', 'open', 'paused']),
  serviceIds: z.array(z.string()),
  openingChecklist: z.array(z.object({ id: z.string(), label: z.string() })),
  createdAt: z.string(),
});
export type WindowDto = z.infer<typeof windowSchema>;
