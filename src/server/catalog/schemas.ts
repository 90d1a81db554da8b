// The catalogue's wire shapes: services with their guide (办事指南, R-16), materials, the
// import/export document and the public guide. One set of zod schemas validates requests and
// documents the API.
import { z } from 'zod';
import { customIssue, fieldMessage } from '../http/field-messages.js';
import { coherenceProblems } from './service-rules.js';

export const ITEM_TYPES = ['licensing', 'confirmation', 'payment', 'adjudication', 'reward', 'other_power', 'public_service'] as const;
export const MATERIAL_FORMS = ['paper', 'electronic', 'either'] as const;
export const MATERIAL_SOURCES = ['applicant', 'government', 'intermediary', 'other'] as const;

/** Free text a hall may leave out: blank becomes null, so "not stated" has one spelling. */
const optionalText = (max: number) => z.string().trim().max(max).nullable().transform((v) => (v ? v : null));

// A phone as halls print it: 0571-12345, 12345, (0571) 8888 8888, 400-800-1234, +86 138…,
// 0571-88888888转8001. One number per field.
const PHONE = /^\+?[\d() -]+(?:转\d{1,6})?$/;
const isPhone = (v: string) => PHONE.test(v) && v.replace(/\D/g, '').length >= 3 && v.replace(/\D/g, '').length <= 20;
const phone = z.string().trim().max(32)
  .refine((v) => v === '' || isPhone(v), fieldMessage({
    zh: '电话号码格式不正确：应为 3 至 20 位数字，可含空格、“-”或括号，可以“+”开头，分机号用“转”连接',
    en: 'a phone number: 3 to 20 digits with spaces, - or ( ), an optional leading +, and 转 with an extension',
  }))
  .nullable().transform((v) => (v ? v : null));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname) && !/\s/.test(value);
  } catch {
    return false;
  }
}
const optionalHttpUrl = z.string().trim().max(500)
  .refine((v) => v === '' || isHttpUrl(v), fieldMessage({ zh: '应为以 http:// 或 https:// 开头的网址', en: 'an http:// or https:// address' }))
  .nullable().transform((v) => (v ? v : null));
/** A blank form or a sample: a web address, or a path on this site such as /files/forms/申请表.pdf. */
const optionalLink = z.string().trim().max(500)
  .refine((v) => v === '' || isHttpUrl(v) || /^\/(?!\/)\S*$/.test(v), fieldMessage({
    zh: '应为以 http(s):// 开头的网址，或以“/”开头的本站路径（不含空格）',
    en: 'an http(s):// address or a path starting with / (no spaces)',
  }))
  .nullable().transform((v) => (v ? v : null));

const materialShape = z.object({
  /** Sent back to keep a material's id (cases refer to it); unknown ids name a new material. */
  id: z.string().uuid().optional(),
  name: z.string().trim().min(1).max(200),
  originals: z.number().int().min(0).max(99),
  copies: z.number().int().min(0).max(99),
  form: z.enum(MATERIAL_FORMS).default('paper'),
  required: z.boolean(),
  /** For a material that is not required: when it is needed, in words ("委托办理的"). */
  condition: optionalText(200).optional(),
  source: z.enum(MATERIAL_SOURCES).default('applicant'),
  sourceNote: optionalText(200).optional(),
  note: optionalText(500).optional(),
  blankFormUrl: optionalLink.optional(),
  sampleUrl: optionalLink.optional(),
}).strict();

function conditionOnlyWhenNotRequired(m: { required: boolean; condition?: string | null }, ctx: z.RefinementCtx): void {
  if (m.required && m.condition) {
    ctx.addIssue(customIssue(['condition'], {
      zh: '必交材料无需填写适用情形；如只在特定情形下需要，请改为非必交',
      en: 'a required material has no condition; make it not required to make it conditional',
    }));
  }
}

export const materialInput = materialShape.superRefine(conditionOnlyWhenNotRequired);

export const processStepInput = z.object({
  title: z.string().trim().min(1).max(100),
  description: optionalText(1000).default(null),
}).strict();

export const feeInput = z.object({
  item: z.string().trim().min(1).max(100),
  /** 收费标准 as published, e.g. "80 元/件" or "住宅 80 元/件，非住宅 550 元/件". */
  amount: z.string().trim().min(1).max(200),
  /** 收费依据: a fee is never published without the document that sets it. */
  basis: z.string().trim().min(1).max(500),
}).strict();

/** The guide's fields (GB/T 39046 事项要素 that a hall uses), all but the type optional to send. */
const guideFields = {
  itemType: z.enum(ITEM_TYPES),
  department: optionalText(100),
  resultName: optionalText(200),
  acceptanceConditions: optionalText(4000),
  legalBasis: optionalText(4000),
  processSteps: z.array(processStepInput).max(30),
  fees: z.array(feeInput).max(30),
  location: optionalText(200),
  serviceHours: optionalText(500),
  consultationPhone: phone,
  supervisionPhone: phone,
  onlineUrl: optionalHttpUrl,
};

const serviceFields = {
  code: z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9._-]+$/, fieldMessage({ zh: '只能包含英文字母、数字和 . _ -', en: 'letters, digits, . _ - only' })),
  name: z.string().trim().min(1).max(100),
  ticketPrefix: z.string().regex(/^[A-Z]{1,2}$/, fieldMessage({ zh: '应为一到两个大写英文字母', en: 'one or two capital letters' })),
  kind: z.enum(['immediate', 'promised']),
  statutoryDays: z.number().int().min(0).max(3650).nullable(),
  promisedDays: z.number().int().min(0).max(3650).nullable(),
  materials: z.array(materialInput).max(100),
  ...guideFields,
};

/** What a new service may leave out: the time limits, the materials and every guide field but none of the rest. */
const newServiceShape = {
  ...serviceFields,
  statutoryDays: serviceFields.statutoryDays.optional(),
  promisedDays: serviceFields.promisedDays.optional(),
  materials: serviceFields.materials.default([]),
  itemType: guideFields.itemType.default('public_service'),
  department: guideFields.department.optional(),
  resultName: guideFields.resultName.optional(),
  acceptanceConditions: guideFields.acceptanceConditions.optional(),
  legalBasis: guideFields.legalBasis.optional(),
  processSteps: guideFields.processSteps.default([]),
  fees: guideFields.fees.default([]),
  location: guideFields.location.optional(),
  serviceHours: guideFields.serviceHours.optional(),
  consultationPhone: guideFields.consultationPhone.optional(),
  supervisionPhone: guideFields.supervisionPhone.optional(),
  onlineUrl: guideFields.onlineUrl.optional(),
};
export const createServiceBody = z.object(newServiceShape).strict();
export const updateServiceBody = z.object(serviceFields).partial().strict();

// ---------------------------------------------------------------------------------------------
// Responses.

export const materialSchema = z.object({
  id: z.string(), name: z.string(), originals: z.number(), copies: z.number(), form: z.enum(MATERIAL_FORMS),
  required: z.boolean(), condition: z.string().nullable(), source: z.enum(MATERIAL_SOURCES), sourceNote: z.string().nullable(),
  note: z.string().nullable(), blankFormUrl: z.string().nullable(), sampleUrl: z.string().nullable(),
});
const processStepSchema = z.object({ title: z.string(), description: z.string().nullable() });
const feeSchema = z.object({ item: z.string(), amount: z.string(), basis: z.string() });
const guideSchemaFields = {
  itemType: z.enum(ITEM_TYPES),
  department: z.string().nullable(),
  resultName: z.string().nullable(),
  acceptanceConditions: z.string().nullable(),
  legalBasis: z.string().nullable(),
  processSteps: z.array(processStepSchema),
  fees: z.array(feeSchema),
  location: z.string().nullable(),
  serviceHours: z.string().nullable(),
  consultationPhone: z.string().nullable(),
  supervisionPhone: z.string().nullable(),
  onlineUrl: z.string().nullable(),
};

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
  ...guideSchemaFields,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceDto = z.infer<typeof serviceSchema>;

// ---------------------------------------------------------------------------------------------
// The catalogue document (docs/CATALOG-FORMAT.md): services by code, materials by name, no ids,
// so a document written by one hall loads into another.

export const CATALOG_FORMAT = 'chuangkou.catalog';
export const CATALOG_VERSION = 1;

const catalogMaterialInput = materialShape.omit({ id: true }).strict().superRefine(conditionOnlyWhenNotRequired);

// A field left out of an entry takes the value a new service would have: the document states a
// catalogue, it does not patch one.
export const catalogEntryInput = z.object({
  ...newServiceShape,
  materials: z.array(catalogMaterialInput).max(100).default([]),
}).strict().superRefine((s, ctx) => {
  for (const p of coherenceProblems(s)) ctx.addIssue(customIssue([p.path], { zh: p.zh ?? p.message, en: p.message }));
});

export const catalogDocumentInput = z.object({
  format: z.literal(CATALOG_FORMAT),
  version: z.literal(CATALOG_VERSION),
  /** Written by the export for people reading the file; ignored on import. */
  exportedAt: z.string().max(40).optional(),
  hall: z.object({ name: z.string().max(100) }).strict().optional(),
  services: z.array(catalogEntryInput).max(1000),
}).strict().superRefine((doc, ctx) => {
  // A code or a ticket prefix twice would make the import depend on the order of the entries.
  for (const field of ['code', 'ticketPrefix'] as const) {
    const first = new Map<string, number>();
    doc.services.forEach((s, i) => {
      const key = field === 'code' ? s.code : s.ticketPrefix;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else ctx.addIssue(customIssue(['services', i, field], { zh: `“${key}”已被第 ${seen + 1} 项使用`, en: `"${key}" is also used by services.${seen}` }));
    });
  }
  doc.services.forEach((s, i) => {
    const names = new Set<string>();
    s.materials.forEach((m, j) => {
      // Materials are matched by name on import, so a name must say which one it is.
      if (names.has(m.name)) {
        ctx.addIssue(customIssue(['services', i, 'materials', j, 'name'], { zh: `本事项中已有名为“${m.name}”的材料`, en: `"${m.name}" appears twice in this service` }));
      }
      names.add(m.name);
    });
  });
});
export type CatalogDocumentInput = z.output<typeof catalogDocumentInput>;
export type CatalogEntryInput = z.output<typeof catalogEntryInput>;

const catalogMaterialSchema = materialSchema.omit({ id: true });
export const catalogEntrySchema = serviceSchema.omit({ id: true, hallId: true, createdAt: true, updatedAt: true })
  .extend({ materials: z.array(catalogMaterialSchema) });
export const catalogDocumentSchema = z.object({
  format: z.literal(CATALOG_FORMAT),
  version: z.literal(CATALOG_VERSION),
  exportedAt: z.string(),
  hall: z.object({ name: z.string() }),
  services: z.array(catalogEntrySchema),
});
export type CatalogDocument = z.infer<typeof catalogDocumentSchema>;
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const importResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  services: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), result: z.enum(['created', 'updated', 'unchanged']) })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

// ---------------------------------------------------------------------------------------------
// The public guide: what anyone may read, without signing in.

export const publicHallSchema = z.object({ id: z.string(), name: z.string(), address: z.string().nullable(), phone: z.string().nullable() });

export const guideSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  itemType: z.enum(ITEM_TYPES),
  kind: z.enum(['immediate', 'promised']),
  promisedDays: z.number().nullable(),
  department: z.string().nullable(),
  materialCount: z.number(),
  /** For searching by material on the page. */
  materialNames: z.array(z.string()),
});

export const guideItemSchema = z.object({
  id: z.string(),
  hall: publicHallSchema,
  code: z.string(),
  name: z.string(),
  kind: z.enum(['immediate', 'promised']),
  statutoryDays: z.number().nullable(),
  promisedDays: z.number().nullable(),
  materials: z.array(materialSchema),
  ...guideSchemaFields,
  /** The windows that serve it now (numbers and names), besides the location text. */
  windows: z.array(z.object({ number: z.number(), name: z.string() })),
  updatedAt: z.string(),
});
export type GuideItem = z.infer<typeof guideItemSchema>;
export type GuideSummary = z.infer<typeof guideSummarySchema>;
