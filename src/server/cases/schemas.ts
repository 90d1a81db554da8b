// Request and response shapes of the cases API (docs/CASES-API.md); they also feed the OpenAPI document.
import { z } from 'zod';
import { fieldMessage } from '../http/field-messages.js';

const uuid = z.string().uuid().transform((v) => v.toLowerCase());
const materialIds = z.array(uuid).max(100);

export const caseStatusSchema = z.enum(['open', 'awaiting_supplement', 'accepted', 'refused', 'completed']);
export const lightSchema = z.enum(['green', 'yellow', 'red']);

const applicantFields = {
  name: z.string().trim().min(1).max(100),
  // Identity documents differ (居民身份证, 港澳台通行证, passports): checked for length only.
  idNumber: z.string().trim().max(32).nullable(),
  phone: z.string().trim().max(30).regex(/^[0-9+\-() ]*$/, fieldMessage({ zh: '只能包含数字、空格和 + - ( )', en: 'digits, spaces, + - ( ) only' })).nullable(),
};
const applicantInput = z.object({
  name: applicantFields.name, idNumber: applicantFields.idNumber.optional(), phone: applicantFields.phone.optional(),
}).strict();

export const createCaseBody = z.object({
  serviceId: uuid,
  ticketId: uuid.optional(),
  windowId: uuid.optional(),
  applicant: applicantInput,
  submitted: materialIds.default([]),
  applicable: materialIds.default([]),
}).strict();

export const updateCaseBody = z.object({
  submitted: materialIds,
  applicable: materialIds,
  defective: z.array(z.object({ materialId: uuid, reason: z.string().trim().min(1).max(200) }).strict()).max(100),
  applicant: z.object(applicantFields).partial().strict(),
}).partial().strict();

export const issueNoticeBody = z.object({
  nextSteps: z.string().trim().min(1).max(1000).optional(),
  notes: z.string().trim().max(1000).optional(),
}).strict();

export const acceptBody = z.object({}).strict();

// reason and basis are checked by the use case, so that leaving either out (or blank) is
// answered with refusal_basis_required rather than a generic validation error.
export const refuseBody = z.object({
  reason: z.string().trim().max(1000).nullable().optional(),
  basis: z.string().trim().max(1000).nullable().optional(),
}).strict();

export const completeBody = z.object({
  result: z.string().trim().min(1).max(200),
  note: z.string().trim().max(1000).optional(),
}).strict();

export const extensionBody = z.object({
  workingDays: z.number().int().min(1).max(365),
  reason: z.string().trim().min(1).max(500),
}).strict();

export const decisionBody = z.object({ note: z.string().trim().max(500).optional() }).strict();

export const listQuery = z.object({
  status: caseStatusSchema.optional(),
  light: lightSchema.optional(),
  ownerId: uuid.optional(),
  ticketId: uuid.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const trackQuery = z.object({ token: z.string().min(10).max(200) });

/**
 * The hall's extension requests (延期): `pending` waits for the manager, `decided` has an answer
 * (approved, rejected, or closed with its case). Keyset pages: `cursor` is the `nextCursor` of the
 * page before, so a request decided while a manager pages on moves no other out of sight.
 */
export const extensionRequestsQuery = z.object({
  status: z.enum(['pending', 'decided', 'all']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: uuid.optional(),
});

// ---- responses ----

export const materialStateSchema = z.object({
  materialId: z.string(), name: z.string(), originals: z.number(), copies: z.number(), form: z.string(),
  required: z.boolean(), condition: z.string().nullable(), note: z.string().nullable(),
  needed: z.boolean(), applicable: z.boolean(), submitted: z.boolean(), defect: z.string().nullable(), missing: z.boolean(),
});

export const noticeMaterialSchema = z.object({
  materialId: z.string(), name: z.string(), originals: z.number(), copies: z.number(), form: z.string(),
  note: z.string().nullable(), condition: z.string().nullable(), defect: z.string().nullable(),
});

export const extensionSchema = z.object({
  id: z.string(), caseId: z.string(), workingDays: z.number(), reason: z.string(), status: z.enum(['pending', 'approved', 'rejected']),
  requestedAt: z.string(), decidedAt: z.string().nullable(), decisionNote: z.string().nullable(),
  previousDeadline: z.string().nullable(), newDeadline: z.string().nullable(),
});

const personSchema = z.object({ id: z.string(), name: z.string() });

/** One extension request with what a manager needs to decide it without opening the case. */
export const extensionRequestSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  case: z.object({
    id: z.string(), number: z.string(), status: caseStatusSchema,
    serviceId: z.string(), serviceName: z.string(), applicantName: z.string(),
    owner: personSchema,
    deadline: z.string().nullable(), originalDeadline: z.string().nullable(),
    light: lightSchema.nullable(),
  }),
  workingDays: z.number(),
  reason: z.string(),
  /** The deadline the request asks for: the one approval gave, else the deadline before it plus the working days. */
  requestedDeadline: z.string().nullable(),
  previousDeadline: z.string().nullable(),
  requestedBy: personSchema,
  requestedAt: z.string(),
  /** The manager's answer (`status` says which); null while pending. */
  decision: z.object({
    note: z.string().nullable(),
    /** null when the request was closed with its case rather than by a manager. */
    decidedBy: personSchema.nullable(),
    decidedAt: z.string(),
    newDeadline: z.string().nullable(),
  }).nullable(),
});
export type ExtensionRequestDto = z.infer<typeof extensionRequestSchema>;

export const extensionRequestListSchema = z.object({
  items: z.array(extensionRequestSchema),
  /** Every request of the status asked for, on all pages. */
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const caseSchema = z.object({
  id: z.string(), hallId: z.string(), number: z.string(),
  serviceId: z.string(), serviceName: z.string(), serviceKind: z.enum(['immediate', 'promised']), promisedDays: z.number().nullable(),
  ticketId: z.string().nullable(), ticketNumber: z.string().nullable(), windowId: z.string().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }),
  applicant: z.object({ name: z.string(), idNumber: z.string().nullable(), phone: z.string().nullable() }),
  status: caseStatusSchema,
  allowedActions: z.array(z.string()),
  materials: z.array(materialStateSchema), missingCount: z.number(),
  notices: z.array(z.object({
    id: z.string(), number: z.string(), round: z.number(), issuedAt: z.string(), missingCount: z.number(), breach: z.enum(['second_round']).nullable(),
  })),
  acceptedAt: z.string().nullable(), acceptedDay: z.string().nullable(),
  deadline: z.string().nullable(), originalDeadline: z.string().nullable(),
  light: lightSchema.nullable(),
  usedWorkingDays: z.number().nullable(), promisedWorkingDays: z.number().nullable(),
  refusal: z.object({ number: z.string(), reason: z.string(), basis: z.string(), at: z.string() }).nullable(),
  completion: z.object({ result: z.string(), note: z.string().nullable(), at: z.string(), day: z.string(), onTime: z.boolean() }).nullable(),
  extensions: z.array(extensionSchema),
  trackUrl: z.string(),
  trackToken: z.string().optional(),
  createdAt: z.string(), updatedAt: z.string(),
});
export type CaseDto = z.infer<typeof caseSchema>;

export const noticeSchema = z.object({
  id: z.string(), caseId: z.string(), caseNumber: z.string(), number: z.string(), round: z.number(),
  missing: z.array(noticeMaterialSchema), nextSteps: z.string(), notes: z.string().nullable(),
  breach: z.enum(['second_round']).nullable(), breachMaterialIds: z.array(z.string()),
  windowNumber: z.number().nullable(), issuedAt: z.string(), issuedDay: z.string(),
});
export type NoticeDto = z.infer<typeof noticeSchema>;

export const trackingSchema = z.object({
  number: z.string(), hallName: z.string(), hallPhone: z.string().nullable(), serviceName: z.string(),
  status: caseStatusSchema, statusText: z.string(),
  acceptedDay: z.string().nullable(), deadline: z.string().nullable(), completedDay: z.string().nullable(),
  missing: z.array(z.object({ name: z.string(), originals: z.number(), copies: z.number(), form: z.string(), note: z.string().nullable(), defect: z.string().nullable() })),
  notices: z.array(z.object({ number: z.string(), issuedAt: z.string() })),
  refusal: z.object({ reason: z.string(), basis: z.string() }).nullable(),
  windowNumber: z.number().nullable(),
});
export type TrackingDto = z.infer<typeof trackingSchema>;
