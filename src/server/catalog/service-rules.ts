// What makes a service definition coherent: a promised service (承诺件) states how
// many working days it promises, and never more than the law allows.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MaterialRow } from '../../db/schema.js';
import { AppError, type FieldError } from '../http/errors.js';
import type { materialInput } from './schemas.js';

export function assertCoherentService(s: { kind: 'immediate' | 'promised'; statutoryDays: number | null; promisedDays: number | null }): void {
  const problems: FieldError[] = [];
  if (s.kind === 'promised' && s.promisedDays === null) problems.push({ path: 'promisedDays', message: 'required for a promised service' });
  if (s.kind === 'promised' && s.promisedDays === 0) problems.push({ path: 'promisedDays', message: 'a promised service takes at least one working day' });
  if (s.promisedDays !== null && s.statutoryDays !== null && s.promisedDays > s.statutoryDays) {
    problems.push({ path: 'promisedDays', message: 'may not exceed the statutory time limit' });
  }
  if (problems.length) throw new AppError('validation_failed', problems);
}

/** Keeps the ids of materials the client sent back, gives new ones an id. */
export function withMaterialIds(input: z.output<typeof materialInput>[], existing: MaterialRow[] = []): MaterialRow[] {
  const known = new Set(existing.map((m) => m.id));
  return input.map((m) => ({
    id: m.id && known.has(m.id) ? m.id : randomUUID(),
    name: m.name, copies: m.copies, original: m.original, required: m.required, note: m.note ?? null,
  }));
}
