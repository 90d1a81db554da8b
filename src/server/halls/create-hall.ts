// Creating a hall also gives it the official holiday schedules, so deadlines are right from
// the first day; managers adjust the calendar afterwards for local arrangements.
import type { z } from 'zod';
import type { Actor } from '../../core/access/policy.js';
import { OFFICIAL_HOLIDAY_SCHEDULES } from '../../core/calendar/official-holidays.js';
import type { OpeningHours } from '../../core/hours/opening-hours.js';
import type { AppContext } from '../context.js';
import { runCommand } from '../run-command.js';
import type { AuditActor } from '../audit/append-audit.js';
import * as repo from './repo.js';
import type { createHallBody } from './schemas.js';
import { assertValidHours } from './validate-hours.js';

export async function createHall(ctx: AppContext, actor: Actor | AuditActor, input: z.output<typeof createHallBody>) {
  assertValidHours(input.openingHours as OpeningHours, input.hoursExceptions);
  return runCommand(ctx, actor, async (tx, fx) => {
    const hall = await repo.insertHall(tx, {
      name: input.name, timezone: input.timezone, openingHours: input.openingHours,
      hoursExceptions: input.hoursExceptions, address: input.address ?? null, phone: input.phone ?? null,
      openingChecklist: input.openingChecklist ?? null,
    });
    await repo.insertCalendarYears(tx, hall.id, OFFICIAL_HOLIDAY_SCHEDULES.map((s) => ({
      year: s.year, holidays: [...s.holidays], workdays: [...s.workdays], source: s.source,
    })));
    fx.audit({ action: 'hall.created', hallId: hall.id, targetType: 'hall', targetId: hall.id, after: { name: hall.name, timezone: hall.timezone } });
    return hall;
  });
}
