// The service form's values and their conversion to and from the API's Service, guide included.
import type { Fee, ItemType, MaterialForm, MaterialSource, Service, ServiceInput, ServiceKind } from '../../api/types';
import { type Need, needOf } from '../../guide/guideText';

/** How a material is needed: always, in a stated case ("委托办理的"), or at the applicant's choice. */
export type MaterialNeed = Need;

export interface MaterialValue {
  id?: string;
  name: string;
  originals: number;
  copies: number;
  form: MaterialForm;
  need: MaterialNeed;
  condition?: string;
  source: MaterialSource;
  sourceNote?: string;
  note?: string;
  blankFormUrl?: string;
  sampleUrl?: string;
}

export interface StepValue {
  title: string;
  description?: string;
}

export interface ServiceFormValues {
  code: string;
  name: string;
  ticketPrefix: string;
  kind: ServiceKind;
  statutoryDays: number | null;
  promisedDays: number | null;
  itemType: ItemType;
  department?: string;
  resultName?: string;
  acceptanceConditions?: string;
  legalBasis?: string;
  processSteps: StepValue[];
  fees: Fee[];
  location?: string;
  serviceHours?: string;
  consultationPhone?: string;
  supervisionPhone?: string;
  onlineUrl?: string;
  materials: MaterialValue[];
}

export const TICKET_PREFIX = /^[A-Z]{1,2}$/;
export const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;
// The server's rules (src/server/catalog/schemas.ts), checked here first so a manager sees them at the field.
export const PHONE_PATTERN = /^\+?[\d() -]+(?:转\d{1,6})?$/;
export function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_PATTERN.test(value) && digits >= 3 && digits <= 20;
}
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname) && !/\s/.test(value);
  } catch {
    return false;
  }
}
/** A blank form or sample: a web address or a path on this site. */
export function isLink(value: string): boolean {
  return isHttpUrl(value) || /^\/(?!\/)\S*$/.test(value);
}

export function newMaterial(): MaterialValue {
  return { name: '', originals: 1, copies: 0, form: 'paper', need: 'required', source: 'applicant' };
}

const text = (value: string | null | undefined) => value ?? undefined;
/** Blank means "not stated": null on the wire. */
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function serviceToForm(service: Service | null): ServiceFormValues {
  if (!service) {
    return {
      code: '', name: '', ticketPrefix: '', kind: 'immediate', statutoryDays: null, promisedDays: null,
      itemType: 'public_service', processSteps: [], fees: [], materials: [],
    };
  }
  return {
    code: service.code,
    name: service.name,
    ticketPrefix: service.ticketPrefix,
    kind: service.kind,
    statutoryDays: service.statutoryDays,
    promisedDays: service.promisedDays,
    itemType: service.itemType,
    department: text(service.department),
    resultName: text(service.resultName),
    acceptanceConditions: text(service.acceptanceConditions),
    legalBasis: text(service.legalBasis),
    processSteps: service.processSteps.map((s) => ({ title: s.title, description: text(s.description) })),
    fees: service.fees.map((f) => ({ ...f })),
    location: text(service.location),
    serviceHours: text(service.serviceHours),
    consultationPhone: text(service.consultationPhone),
    supervisionPhone: text(service.supervisionPhone),
    onlineUrl: text(service.onlineUrl),
    materials: service.materials.map((m) => ({
      id: m.id,
      name: m.name,
      originals: m.originals,
      copies: m.copies,
      form: m.form,
      need: needOf(m),
      condition: text(m.condition),
      source: m.source,
      sourceNote: text(m.sourceNote),
      note: text(m.note),
      blankFormUrl: text(m.blankFormUrl),
      sampleUrl: text(m.sampleUrl),
    })),
  };
}

export function formToService(values: ServiceFormValues): ServiceInput {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    ticketPrefix: values.ticketPrefix.trim().toUpperCase(),
    kind: values.kind,
    statutoryDays: values.statutoryDays ?? null,
    promisedDays: values.kind === 'promised' ? (values.promisedDays ?? null) : null,
    itemType: values.itemType,
    department: orNull(values.department),
    resultName: orNull(values.resultName),
    acceptanceConditions: orNull(values.acceptanceConditions),
    legalBasis: orNull(values.legalBasis),
    processSteps: (values.processSteps ?? []).map((s) => ({ title: s.title.trim(), description: orNull(s.description) })),
    fees: (values.fees ?? []).map((f) => ({ item: f.item.trim(), amount: f.amount.trim(), basis: f.basis.trim() })),
    location: orNull(values.location),
    serviceHours: orNull(values.serviceHours),
    consultationPhone: orNull(values.consultationPhone),
    supervisionPhone: orNull(values.supervisionPhone),
    onlineUrl: orNull(values.onlineUrl),
    materials: (values.materials ?? []).map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      name: m.name.trim(),
      originals: m.originals ?? 0,
      copies: m.copies ?? 0,
      form: m.form,
      required: m.need === 'required',
      condition: m.need === 'conditional' ? orNull(m.condition) : null,
      source: m.source,
      sourceNote: orNull(m.sourceNote),
      note: orNull(m.note),
      blankFormUrl: orNull(m.blankFormUrl),
      sampleUrl: orNull(m.sampleUrl),
    })),
  };
}
