// What a case still needs (R-11 一次性告知): the service's materials (办事指南, R-16) held against
// what the applicant handed in. A material is needed when it is required, or conditional
// ("委托办理的") and its condition applies to this applicant; an optional one is never needed.
// A needed material is missing when it was not handed in, or was handed in and found defective
// (a stated reason: 复印件不清晰, 已过有效期 …) — the notice must say why, not just what.

export type MaterialForm = 'paper' | 'electronic' | 'either';

/** The fields of a service's material that intake reads (MaterialRow in src/db/schema.ts). */
export interface GuideMaterial {
  readonly id: string;
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  readonly form: MaterialForm;
  readonly required: boolean;
  readonly condition: string | null;
  readonly note: string | null;
}

export interface DefectiveMaterial {
  readonly materialId: string;
  readonly reason: string;
}

/** What the applicant handed in, by the service's material ids. */
export interface CaseMaterialInput {
  readonly submitted: readonly string[];
  /** Conditional materials whose condition applies to this applicant. */
  readonly applicable: readonly string[];
  readonly defective: readonly DefectiveMaterial[];
}

export type MaterialKind = 'required' | 'conditional' | 'optional';

export interface CaseMaterialState {
  materialId: string;
  name: string;
  originals: number;
  copies: number;
  form: MaterialForm;
  required: boolean;
  condition: string | null;
  note: string | null;
  needed: boolean;
  applicable: boolean;
  submitted: boolean;
  /** The defect found in what was handed in, or null. */
  defect: string | null;
  missing: boolean;
}

export function materialKind(m: Pick<GuideMaterial, 'required' | 'condition'>): MaterialKind {
  if (m.required) return 'required';
  return m.condition !== null && m.condition.trim() !== '' ? 'conditional' : 'optional';
}

/**
 * The rule for one material: needed when required, or conditional and applying to this
 * applicant; missing when needed and not handed in, or handed in and found defective.
 */
export function materialNeed(m: Pick<GuideMaterial, 'required' | 'condition'>, applies: boolean, handedIn: boolean, defective: boolean) {
  const kind = materialKind(m);
  const needed = kind === 'required' || (kind === 'conditional' && applies);
  return { kind, needed, missing: needed && (!handedIn || defective) };
}

/** One row per material of the service, in the service's order. */
export function materialStates(materials: readonly GuideMaterial[], input: CaseMaterialInput): CaseMaterialState[] {
  const submitted = new Set(input.submitted);
  const applicable = new Set(input.applicable);
  const defects = new Map(input.defective.map((d) => [d.materialId, d.reason]));
  return materials.map((m) => {
    const isApplicable = m.required || applicable.has(m.id);
    const handedIn = submitted.has(m.id);
    const defect = defects.get(m.id) ?? null;
    const { needed, missing } = materialNeed(m, isApplicable, handedIn, defect !== null);
    return {
      materialId: m.id, name: m.name, originals: m.originals, copies: m.copies, form: m.form,
      required: m.required, condition: m.condition, note: m.note,
      needed, applicable: isApplicable, submitted: handedIn, defect, missing,
    };
  });
}

export function missingMaterials(states: readonly CaseMaterialState[]): CaseMaterialState[] {
  return states.filter((s) => s.missing);
}

/** Ids that name no material of the service (the API refuses them). */
export function unknownMaterialIds(materials: readonly GuideMaterial[], ids: readonly string[]): string[] {
  const known = new Set(materials.map((m) => m.id));
  return ids.filter((id) => !known.has(id));
}
