// Service rows → wire shapes: the admin's service, the catalogue document's entry, the public guide.
import type { halls, MaterialRow, services } from '../../db/schema.js';
import type { CatalogEntry, GuideItem, GuideSummary, ServiceDto } from './schemas.js';

type ServiceRow = typeof services.$inferSelect;
type HallRow = typeof halls.$inferSelect;

/** Rows written before a field existed read as its default, so every response has every field. */
function material(m: MaterialRow): MaterialRow {
  return {
    id: m.id, name: m.name, originals: m.originals ?? 0, copies: m.copies ?? 0, form: m.form ?? 'paper',
    required: m.required, condition: m.condition ?? null, source: m.source ?? 'applicant', sourceNote: m.sourceNote ?? null,
    note: m.note ?? null, blankFormUrl: m.blankFormUrl ?? null, sampleUrl: m.sampleUrl ?? null,
  };
}

function guide(s: ServiceRow) {
  return {
    itemType: s.itemType, department: s.department, resultName: s.resultName,
    acceptanceConditions: s.acceptanceConditions, legalBasis: s.legalBasis,
    processSteps: s.processSteps.map((p) => ({ title: p.title, description: p.description ?? null })),
    fees: s.fees.map((f) => ({ item: f.item, amount: f.amount, basis: f.basis })),
    location: s.location, serviceHours: s.serviceHours,
    consultationPhone: s.consultationPhone, supervisionPhone: s.supervisionPhone, onlineUrl: s.onlineUrl,
  };
}

export function presentService(s: ServiceRow): ServiceDto {
  return {
    id: s.id, hallId: s.hallId, code: s.code, name: s.name, ticketPrefix: s.ticketPrefix, kind: s.kind,
    statutoryDays: s.statutoryDays, promisedDays: s.promisedDays, materials: s.materials.map(material),
    ...guide(s),
    createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
  };
}

/** A service as an entry of the catalogue document: by code, materials without ids. */
export function catalogEntryOf(s: ServiceRow): CatalogEntry {
  return {
    code: s.code, name: s.name, ticketPrefix: s.ticketPrefix, kind: s.kind,
    statutoryDays: s.statutoryDays, promisedDays: s.promisedDays,
    ...guide(s),
    materials: s.materials.map(material).map(({ id: _id, ...m }) => m),
  };
}

export function presentPublicHall(h: HallRow) {
  return { id: h.id, name: h.name, address: h.address, phone: h.phone };
}

export function presentGuideSummary(s: ServiceRow): GuideSummary {
  return {
    id: s.id, code: s.code, name: s.name, itemType: s.itemType, kind: s.kind, promisedDays: s.promisedDays,
    department: s.department, materialCount: s.materials.length, materialNames: s.materials.map((m) => m.name),
  };
}

export function presentGuideItem(s: ServiceRow, hall: HallRow, windows: { number: number; name: string }[]): GuideItem {
  return {
    id: s.id, hall: presentPublicHall(hall), code: s.code, name: s.name, kind: s.kind,
    statutoryDays: s.statutoryDays, promisedDays: s.promisedDays, materials: s.materials.map(material),
    ...guide(s),
    windows,
    updatedAt: s.updatedAt.toISOString(),
  };
}
