import { z } from 'zod';
import { fieldMessage } from '../http/field-messages.js';

export const hhmm = z.string().regex(/^(?:([01]\d|2[0-3]):[0-5]\d|24:00)$/, fieldMessage({ zh: '时间格式应为 HH:MM', en: 'HH:MM' }));
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessage({ zh: '日期格式应为 YYYY-MM-DD', en: 'YYYY-MM-DD' }));

export const timezoneSchema = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, fieldMessage({ zh: '无法识别的时区（应为 IANA 时区名，如 Asia/Shanghai）', en: 'unknown IANA time zone' }));

export const openingIntervalSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  open: hhmm,
  close: hhmm,
}).strict();

export const hoursExceptionSchema = z.object({
  date: localDate,
  closed: z.boolean(),
  open: hhmm.optional(),
  close: hhmm.optional(),
  note: z.string().trim().max(200).optional(),
}).strict();

export const checklistItemSchema = z.object({
  id: z.string().trim().min(1).max(32).regex(/^[a-z0-9_-]+$/, fieldMessage({ zh: '只能包含小写英文字母、数字、_ 或 -', en: 'lower-case letters, digits, _ or -' })),
  label: z.string().trim().min(1).max(100),
}).strict();

const hallFields = {
  name: z.string().trim().min(1).max(100),
  timezone: timezoneSchema,
  openingHours: z.array(openingIntervalSchema).max(70),
  hoursExceptions: z.array(hoursExceptionSchema).max(400),
  address: z.string().trim().max(200).nullable(),
  phone: z.string().trim().max(50).nullable(),
  // null keeps the default 五个到位.
  openingChecklist: z.array(checklistItemSchema).min(1).max(20)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, fieldMessage({ zh: '检查项编号重复', en: 'duplicate item id' })).nullable(),
};

export const createHallBody = z.object({
  ...hallFields,
  hoursExceptions: hallFields.hoursExceptions.default([]),
  address: hallFields.address.optional(),
  phone: hallFields.phone.optional(),
  openingChecklist: hallFields.openingChecklist.optional(),
}).strict();

// the share of a case's promised working time after which its light turns yellow.
export const casePolicySchema = z.object({ yellowThreshold: z.number().min(0.5).max(1) }).strict();

export const updateHallBody = z.object({ ...hallFields, casePolicy: casePolicySchema }).partial().strict();

export const hallSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  openingHours: z.array(openingIntervalSchema),
  hoursExceptions: z.array(hoursExceptionSchema),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  openingChecklist: z.array(z.object({ id: z.string(), label: z.string() })).nullable(),
  casePolicy: z.object({ yellowThreshold: z.number() }),
  createdAt: z.string(),
});
export type HallDto = z.infer<typeof hallSchema>;
