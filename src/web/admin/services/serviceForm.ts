// The service form's values and their conversion to and from the API's Service.
import type { Service, ServiceInput, ServiceKind } from '../../api/types';

export interface MaterialValue {
  id?: string;
  name: string;
  copies: number;
  original: boolean;
  required: boolean;
  note?: string;
}

export interface ServiceFormValues {
  code: string;
  name: string;
  ticketPrefix: string;
  kind: ServiceKind;
  statutoryDays: number | null;
  promisedDays: number | null;
  materials: MaterialValue[];
}

export const TICKET_PREFIX = /^[A-Z]{1,2}$/;
export const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;

export function newMaterial(): MaterialValue {
  return { name: '', copies: 1, original: true, required: true };
}

export function serviceToForm(service: Service | null): ServiceFormValues {
  if (!service) {
    return { code: '', name: '', ticketPrefix: '', kind: 'immediate', statutoryDays: null, promisedDays: null, materials: [] };
  }
  return {
    code: service.code,
    name: service.name,
    ticketPrefix: service.ticketPrefix,
    kind: service.kind,
    statutoryDays: service.statutoryDays,
    promisedDays: service.promisedDays,
    materials: service.materials.map((m) => ({
      id: m.id,
      name: m.name,
      copies: m.copies,
      original: m.original,
      required: m.required,
      note: m.note ?? undefined,
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
    materials: (values.materials ?? []).map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      name: m.name.trim(),
      copies: m.copies,
      original: m.original,
      required: m.required,
      note: m.note?.trim() ? m.note.trim() : null,
    })),
  };
}
