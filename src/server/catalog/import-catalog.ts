// Loads a catalogue document into a hall in one step: each entry updates the live service
// of the same code or adds one. All or nothing: every problem is reported with its path in the
// document, and then nothing is written. Services the document does not name are left alone.
import type { Actor } from '../../core/access/policy.js';
import type { services } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { writableHall } from '../halls/writable-hall.js';
import { AppError, type FieldError } from '../http/errors.js';
import { fieldProblem } from '../http/field-messages.js';
import { runCommand } from '../run-command.js';
import { catalogEntryOf, presentService } from './present.js';
import * as repo from './repo.js';
import type { CatalogDocumentInput, CatalogEntryInput, ImportResult } from './schemas.js';
import { withMaterialIds } from './service-rules.js';

type ServiceRow = typeof services.$inferSelect;

/** The columns an entry sets, with what it left out at a new service's values. */
function columnsOf(e: CatalogEntryInput) {
  return {
    code: e.code, name: e.name, ticketPrefix: e.ticketPrefix, kind: e.kind,
    statutoryDays: e.statutoryDays ?? null,
    promisedDays: e.kind === 'immediate' ? null : e.promisedDays ?? null,
    itemType: e.itemType, department: e.department ?? null, resultName: e.resultName ?? null,
    acceptanceConditions: e.acceptanceConditions ?? null, legalBasis: e.legalBasis ?? null,
    processSteps: e.processSteps.map((p) => ({ title: p.title, description: p.description ?? null })),
    fees: e.fees, location: e.location ?? null, serviceHours: e.serviceHours ?? null,
    consultationPhone: e.consultationPhone ?? null, supervisionPhone: e.supervisionPhone ?? null, onlineUrl: e.onlineUrl ?? null,
  };
}

/** Ticket prefixes must stay unique among the hall's live services once the document is in. */
function prefixProblems(doc: CatalogDocumentInput, current: ServiceRow[]): FieldError[] {
  const named = new Set(doc.services.map((e) => e.code));
  const kept = new Map(current.filter((s) => !named.has(s.code)).map((s) => [s.ticketPrefix, s]));
  return doc.services.flatMap((e, i) => {
    const holder = kept.get(e.ticketPrefix);
    return holder
      ? [fieldProblem(`services.${i}.ticketPrefix`, {
        zh: `“${e.ticketPrefix}”是本大厅事项 ${holder.code}（${holder.name}）的号码前缀，而文件中没有该事项`,
        en: `"${e.ticketPrefix}" is the ticket prefix of ${holder.code} (${holder.name}) in this hall, which the document does not include`,
      })]
      : [];
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function importCatalog(ctx: AppContext, actor: Actor, hallId: string, doc: CatalogDocumentInput): Promise<ImportResult> {
  return runCommand(ctx, actor, async (tx, fx) => {
    await writableHall(tx, hallId);
    const current = await repo.lockServices(tx, hallId);
    const problems = prefixProblems(doc, current);
    if (problems.length) throw new AppError('validation_failed', problems);

    const byCode = new Map(current.map((s) => [s.code, s]));
    const plan = doc.services.map((entry) => {
      const existing = byCode.get(entry.code) ?? null;
      const next = { ...columnsOf(entry), materials: withMaterialIds(entry.materials, existing?.materials) };
      const changed = !existing || !same(catalogEntryOf({ ...existing, ...next }), catalogEntryOf(existing))
        || !same(next.materials.map((m) => m.id), existing.materials.map((m) => m.id));
      return { entry, existing, next, changed };
    });

    // Two services may swap prefixes: park the moving ones first, so the unique index never sees
    // a prefix twice half-way through.
    const moving = plan.filter((p) => p.existing && p.changed && p.existing.ticketPrefix !== p.next.ticketPrefix);
    for (const [i, p] of moving.entries()) await repo.updateService(tx, p.existing!.id, { ticketPrefix: `~${i}` });

    const results: ImportResult['services'] = [];
    for (const { existing, next, changed } of plan) {
      if (existing && !changed) {
        results.push({ id: existing.id, code: existing.code, name: existing.name, result: 'unchanged' });
      } else if (existing) {
        const after = presentService(await repo.updateService(tx, existing.id, { ...next, updatedAt: fx.now }));
        fx.audit({ action: 'service.updated', hallId, targetType: 'service', targetId: existing.id, before: presentService(existing), after });
        fx.emit(hallId, 'service.updated', { serviceId: after.id, code: after.code, name: after.name });
        results.push({ id: after.id, code: after.code, name: after.name, result: 'updated' });
      } else {
        const after = presentService(await repo.insertService(tx, { ...next, hallId, createdAt: fx.now, updatedAt: fx.now }));
        fx.audit({ action: 'service.created', hallId, targetType: 'service', targetId: after.id, after });
        fx.emit(hallId, 'service.created', { serviceId: after.id, code: after.code, name: after.name });
        results.push({ id: after.id, code: after.code, name: after.name, result: 'created' });
      }
    }
    const count = (r: ImportResult['services'][number]['result']) => results.filter((x) => x.result === r).length;
    const summary = { created: count('created'), updated: count('updated'), unchanged: count('unchanged') };
    if (summary.created || summary.updated) {
      fx.audit({ action: 'catalog.imported', hallId, targetType: 'hall', targetId: hallId, after: { ...summary, codes: results.filter((r) => r.result !== 'unchanged').map((r) => r.code) } });
    }
    return { ...summary, services: results };
  });
}
