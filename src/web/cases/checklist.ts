// R-11 一次性告知 at the counter: the service's material list checked against what the applicant
// hands in, decided without React. A material is needed when it is required, or conditional and
// marked as applying to this applicant; it is missing when needed and not handed in, or handed in
// and found defective (with a reason). The rule itself is the core's (materialNeed), which the
// server applies too; here it lets the console say "还缺 N 项" while the staff member ticks.
import { materialKind, materialNeed, type MaterialKind } from '../../core/cases/case-materials';
import type { CaseDto, CaseMaterialState, DefectInput, GuideMaterial, MaterialForm, MaterialSource, UpdateCaseInput } from '../api/case-types';

export type { MaterialKind };

/** One line of the checklist: the guide's material, whatever shape the server sent it in. */
export interface ChecklistItem {
  id: string;
  name: string;
  originals: number;
  copies: number;
  form: MaterialForm | string;
  required: boolean;
  condition: string | null;
  source: MaterialSource | null;
  sourceNote: string | null;
  note: string | null;
}

/** What the staff member has recorded so far; plain arrays and records, so React state stays simple. */
export interface ChecklistDraft {
  submitted: readonly string[];
  applicable: readonly string[];
  /** Material id → reason; only for submitted materials. An empty reason is still being typed. */
  defects: Readonly<Record<string, string>>;
}

export const EMPTY_DRAFT: ChecklistDraft = { submitted: [], applicable: [], defects: {} };

/** Required, conditional or optional: the core's rule. */
export { materialKind as kindOf };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const count = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
const FORMS = new Set(['paper', 'electronic', 'either']);
const SOURCES = new Set(['applicant', 'government', 'intermediary', 'other']);

/**
 * A service's material as a checklist item. Accepts the guide's shape (originals, copies, form,
 * condition, source) and the older catalogue shape ({original: boolean, copies}), where a
 * non-required material with a note reads as conditional on that note ("委托他人办理的需提供").
 */
export function itemFromServiceMaterial(m: Partial<GuideMaterial> & { id: string; name: string; original?: boolean }): ChecklistItem {
  const guide = typeof m.originals === 'number' || m.form !== undefined || m.condition !== undefined;
  const required = m.required !== false;
  const legacyOriginal = m.original === true;
  const legacyCopies = count(m.copies, 0);
  return {
    id: m.id,
    name: m.name,
    // The old shape said "原件" as a flag and counted copies of it: one original, or n photocopies.
    originals: guide ? count(m.originals, 0) : legacyOriginal ? Math.max(1, legacyCopies) : 0,
    copies: guide ? count(m.copies, 0) : legacyOriginal ? 0 : legacyCopies,
    form: typeof m.form === 'string' && FORMS.has(m.form) ? m.form : 'paper',
    required,
    condition: guide ? str(m.condition) : required ? null : str(m.note),
    source: typeof m.source === 'string' && SOURCES.has(m.source) ? m.source : guide ? 'applicant' : null,
    sourceNote: str(m.sourceNote),
    note: guide ? str(m.note) : null,
  };
}

/** A case's material row as a checklist item; the guide's entry (same id) adds source and note. */
export function itemFromCaseMaterial(m: CaseMaterialState, guide?: ChecklistItem): ChecklistItem {
  return {
    id: m.materialId,
    name: m.name,
    originals: m.originals,
    copies: m.copies,
    form: m.form,
    required: m.required,
    condition: m.condition,
    source: guide?.source ?? null,
    sourceNote: guide?.sourceNote ?? null,
    note: guide?.note ?? m.note ?? null,
  };
}

export function draftFromCase(c: Pick<CaseDto, 'materials'>): ChecklistDraft {
  const defects: Record<string, string> = {};
  for (const m of c.materials) if (m.submitted && m.defect !== null) defects[m.materialId] = m.defect;
  return {
    submitted: c.materials.filter((m) => m.submitted).map((m) => m.materialId),
    applicable: c.materials.filter((m) => m.applicable).map((m) => m.materialId),
    defects,
  };
}

export interface RowState {
  kind: MaterialKind;
  needed: boolean;
  applicable: boolean;
  submitted: boolean;
  /** The defect reason when marked defective ('' while being typed), else null. */
  defect: string | null;
  missing: boolean;
}

export function rowState(item: ChecklistItem, draft: ChecklistDraft): RowState {
  const submitted = draft.submitted.includes(item.id);
  const defect = submitted && item.id in draft.defects ? (draft.defects[item.id] ?? '') : null;
  // The server's rule, so the live "还缺 N 项" cannot drift from the notice it will issue.
  const { kind, needed, missing } = materialNeed(item, draft.applicable.includes(item.id), submitted, defect !== null);
  return { kind, needed, applicable: kind === 'conditional' && draft.applicable.includes(item.id), submitted, defect, missing };
}

export interface ChecklistSummary {
  /** Needed materials not handed in, or handed in and defective — what a notice must list. */
  missing: ChecklistItem[];
  missingCount: number;
  neededCount: number;
  /** Needed and handed in without a defect. */
  completeCount: number;
  defectiveCount: number;
  /** Marked defective but without a reason yet: nothing can be issued until it is given. */
  defectsWithoutReason: ChecklistItem[];
}

export function summarize(items: readonly ChecklistItem[], draft: ChecklistDraft): ChecklistSummary {
  const missing: ChecklistItem[] = [];
  const defectsWithoutReason: ChecklistItem[] = [];
  let neededCount = 0;
  let defectiveCount = 0;
  for (const item of items) {
    const row = rowState(item, draft);
    if (row.needed) neededCount += 1;
    if (row.missing) missing.push(item);
    if (row.defect !== null) {
      if (row.needed) defectiveCount += 1;
      if (!row.defect.trim()) defectsWithoutReason.push(item);
    }
  }
  return {
    missing,
    missingCount: missing.length,
    neededCount,
    completeCount: neededCount - missing.length,
    defectiveCount,
    defectsWithoutReason,
  };
}

const toggled = (list: readonly string[], id: string, on: boolean): string[] =>
  on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);

export function setSubmitted(draft: ChecklistDraft, id: string, on: boolean): ChecklistDraft {
  const defects = { ...draft.defects };
  // Taking a material back also takes back what was said about it.
  if (!on) delete defects[id];
  return { ...draft, submitted: toggled(draft.submitted, id, on), defects };
}

export function setApplicable(draft: ChecklistDraft, id: string, on: boolean): ChecklistDraft {
  return { ...draft, applicable: toggled(draft.applicable, id, on) };
}

/** Marks a handed-in material defective (reason: string, '' while typing) or sound again (null). */
export function setDefect(draft: ChecklistDraft, id: string, reason: string | null): ChecklistDraft {
  const defects = { ...draft.defects };
  if (reason === null) delete defects[id];
  else if (draft.submitted.includes(id)) defects[id] = reason;
  return { ...draft, defects };
}

/** Everything handed in: each needed material ticked (the applicant came back with the rest). */
export function submitAllNeeded(items: readonly ChecklistItem[], draft: ChecklistDraft): ChecklistDraft {
  let next = draft;
  for (const item of items) if (rowState(item, next).needed) next = setSubmitted(next, item.id, true);
  return next;
}

export function defectList(draft: ChecklistDraft): DefectInput[] {
  return Object.entries(draft.defects)
    .filter(([id, reason]) => draft.submitted.includes(id) && reason.trim())
    .map(([materialId, reason]) => ({ materialId, reason: reason.trim() }));
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

const sameDefects = (a: readonly DefectInput[], b: readonly DefectInput[]): boolean =>
  a.length === b.length && a.every((d) => b.some((e) => e.materialId === d.materialId && e.reason === d.reason));

/** The PATCH that brings the saved case up to the draft; null when nothing changed. */
export function checklistPatch(saved: Pick<CaseDto, 'materials'>, draft: ChecklistDraft): UpdateCaseInput | null {
  const before = draftFromCase(saved);
  const patch: UpdateCaseInput = {};
  if (!sameSet(before.submitted, draft.submitted)) patch.submitted = [...draft.submitted];
  if (!sameSet(before.applicable, draft.applicable)) patch.applicable = [...draft.applicable];
  if (!sameDefects(defectList(before), defectList(draft))) patch.defective = defectList(draft);
  return Object.keys(patch).length ? patch : null;
}
