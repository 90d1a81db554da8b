// What makes a service definition coherent: a promised service (承诺件) states how
// many working days it promises, and never more than the law allows. And how a material keeps
// its id across edits and imports: cases and notices refer to materials by id.
import { randomUUID } from 'node:crypto';
import type { MaterialRow } from '../../db/schema.js';
import { AppError, type FieldError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';

export function coherenceProblems(s: { kind: 'immediate' | 'promised'; statutoryDays?: number | null; promisedDays?: number | null }): FieldError[] {
  const promisedDays = s.kind === 'immediate' ? null : s.promisedDays ?? null;
  const statutoryDays = s.statutoryDays ?? null;
  const problems: FieldError[] = [];
  if (s.kind === 'promised' && promisedDays === null) {
    problems.push(fieldProblem('promisedDays', { zh: '承诺件须填写承诺时限', en: 'required for a promised service' }));
  }
  if (s.kind === 'promised' && promisedDays === 0) {
    problems.push(fieldProblem('promisedDays', { zh: '承诺件的承诺时限至少为 1 个工作日', en: 'a promised service takes at least one working day' }));
  }
  if (promisedDays !== null && statutoryDays !== null && promisedDays > statutoryDays) {
    problems.push(fieldProblem('promisedDays', { zh: '承诺时限不能超过法定时限', en: 'may not exceed the statutory time limit' }));
  }
  return problems;
}

export function assertCoherentService(s: { kind: 'immediate' | 'promised'; statutoryDays: number | null; promisedDays: number | null }): void {
  const problems = coherenceProblems(s);
  if (problems.length) throw new AppError('validation_failed', problems);
}

/** A material as validated from a request or a catalogue document (optional fields may be absent). */
export interface MaterialInput {
  id?: string;
  name: string;
  originals: number;
  copies: number;
  form: MaterialRow['form'];
  required: boolean;
  condition?: string | null;
  source: MaterialRow['source'];
  sourceNote?: string | null;
  note?: string | null;
  blankFormUrl?: string | null;
  sampleUrl?: string | null;
}

/**
 * Gives each material its id: the one it was sent back with when the service has it, else the
 * id of the service's material of the same name not claimed already (an import, or a material
 * removed and typed in again), else a new one.
 */
export function withMaterialIds(input: MaterialInput[], existing: MaterialRow[] = []): MaterialRow[] {
  const known = new Set(existing.map((m) => m.id));
  const claimed = new Set(input.flatMap((m) => (m.id && known.has(m.id) ? [m.id] : [])));
  const byName = new Map<string, string[]>();
  for (const m of existing) if (!claimed.has(m.id)) byName.set(m.name, [...(byName.get(m.name) ?? []), m.id]);
  const used = new Set<string>();
  return input.map((m) => {
    // The same id sent twice names one material; the second one is new.
    const kept = m.id && known.has(m.id) && !used.has(m.id) ? m.id : null;
    const id = kept ?? byName.get(m.name)?.shift() ?? randomUUID();
    used.add(id);
    return {
      id, name: m.name, originals: m.originals, copies: m.copies, form: m.form, required: m.required,
      // A required material is needed always; a condition belongs only to one that is not.
      condition: m.required ? null : m.condition ?? null,
      source: m.source, sourceNote: m.sourceNote ?? null, note: m.note ?? null,
      blankFormUrl: m.blankFormUrl ?? null, sampleUrl: m.sampleUrl ?? null,
    };
  });
}
