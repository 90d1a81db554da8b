// R-15 电子监察: a timer on every instance that turns supervision lights into alerts. An advisory
// lock lets exactly one instance do each round. For every accepted, unfinished case of a live hall
// it reads the light for the hall's local today (hall calendar, hall case policy); a step up from
// `cases.light_alerted` raises `case_yellow` / `case_red` once. The dedupe key carries the deadline,
// so a case whose deadline an extension (延期) moved alerts again when it turns yellow or red anew.
import { sql } from 'drizzle-orm';
import { localDateInZone, yearOf, type LocalDate } from '../../core/calendar/local-date.js';
import type { HallCalendar } from '../../core/calendar/working-days.js';
import { casePolicyOf, isStepUp, readSupervisionLight, type SupervisionLight } from '../../core/cases/supervision-light.js';
import { queryRows, type Queryable } from '../../db/client.js';
import { loadHallCalendar } from '../calendar/routes.js';
import type { AppContext } from '../context.js';
import { raiseAlert } from '../queue/repo.js';
import { runCommand, type Effects } from '../run-command.js';

const LOCK_KEY = 727_100_003;
export const SUPERVISION_CHECK_EVERY_MS = 60_000;

type AlertedLight = 'yellow' | 'red';

interface OpenCaseRow {
  id: string;
  hall_id: string;
  number: string;
  accepted_day: string;
  deadline: string;
  light_alerted: AlertedLight | null;
  service_name: string;
  owner_name: string;
  timezone: string;
  case_policy: Record<string, unknown> | null;
}

/** The hall calendar for every year from the earliest to the latest of `days`. */
export async function calendarCovering(db: Queryable, hallId: string, days: LocalDate[]): Promise<HallCalendar> {
  const years = days.map(yearOf);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const { calendar } = await loadHallCalendar(db, hallId, Array.from({ length: last - first + 1 }, (_, i) => first + i));
  return calendar;
}

/**
 * One round. Returns how many cases changed their alerted light. A hall whose calendar cannot be
 * read (a day listed both as holiday and workday across years) is skipped and reported, so it
 * cannot stop the other halls' alerts.
 */
export async function checkSupervisionLights(ctx: AppContext, onHallError: (hallId: string, err: unknown) => void = () => {}): Promise<number> {
  return runCommand(ctx, { type: 'system', id: null, name: 'scheduler' }, async (tx, fx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`);
    if (!lock?.ok) return 0;
    const rows = await queryRows<OpenCaseRow>(tx, sql`
      select c.id, c.hall_id, c.number, c.accepted_day, c.deadline, c.light_alerted,
             s.name as service_name, u.name as owner_name, h.timezone, h.case_policy
      from cases c
      join halls h on h.id = c.hall_id
      join services s on s.id = c.service_id
      join users u on u.id = c.owner_id
      where c.status = 'accepted' and c.accepted_day is not null and c.deadline is not null and h.archived_at is null
      order by c.hall_id, c.accepted_day, c.number`);
    let changed = 0;
    for (const cases of groupByHall(rows)) {
      const hall = cases[0]!;
      const today = localDateInZone(fx.now, hall.timezone);
      let lights: { row: OpenCaseRow; light: SupervisionLight }[];
      try {
        const calendar = await calendarCovering(tx, hall.hall_id, [today, ...cases.flatMap((c) => [c.accepted_day, c.deadline])]);
        const policy = casePolicyOf(hall.case_policy);
        lights = cases.map((row) => ({
          row, light: readSupervisionLight(calendar, { acceptedDay: row.accepted_day, deadline: row.deadline }, today, policy).light,
        }));
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        onHallError(hall.hall_id, err);
        continue;
      }
      for (const { row, light } of lights) {
        if (await applyLight(tx, fx, row, light)) changed += 1;
      }
    }
    return changed;
  });
}

async function applyLight(tx: Queryable, fx: Effects, row: OpenCaseRow, light: SupervisionLight): Promise<boolean> {
  const stored = row.light_alerted;
  const current: AlertedLight | null = light === 'green' ? null : light;
  // Below what was alerted: the deadline moved (延期) or the calendar changed. Step down to the
  // light as it is, as approving an extension does (extensions.ts), so the next turn alerts again.
  const dropped = stored !== null && isStepUp(light, stored);
  const alerting = isStepUp(stored, light);
  if (!alerting && !dropped) return false;
  // Compare-and-set: a case completed or extended since we read it is left to the next round.
  const updated = await queryRows<{ id: string }>(tx, sql`
    update cases set light_alerted = ${current}
    where id = ${row.id} and status = 'accepted' and deadline = ${row.deadline}
      and light_alerted is not distinct from ${stored}::text
    returning id`);
  if (!updated.length) return false;
  fx.audit({
    action: 'case.light_changed', hallId: row.hall_id, targetType: 'case', targetId: row.id,
    before: { light: stored ?? 'green' }, after: { light, deadline: row.deadline },
  });
  if (!alerting) return true;
  const lit = light as AlertedLight;
  fx.emit(row.hall_id, 'case.light_changed', { caseId: row.id, number: row.number, light: lit, deadline: row.deadline });
  const kind = `case_${lit}`;
  const payload = { kind, caseId: row.id, caseNumber: row.number, deadline: row.deadline, serviceName: row.service_name, ownerName: row.owner_name };
  const alertId = await raiseAlert(tx, { hallId: row.hall_id, kind, dedupeKey: `${kind}:${row.id}:${row.deadline}`, payload, raisedAt: fx.now });
  if (alertId) {
    fx.audit({ action: 'alert.raised', hallId: row.hall_id, targetType: 'alert', targetId: alertId, after: payload });
    fx.emit(row.hall_id, 'alert.raised', { ...payload, alertId });
  }
  return true;
}

function groupByHall(rows: OpenCaseRow[]): OpenCaseRow[][] {
  const halls = new Map<string, OpenCaseRow[]>();
  for (const r of rows) {
    const list = halls.get(r.hall_id);
    if (list) list.push(r);
    else halls.set(r.hall_id, [r]);
  }
  return [...halls.values()];
}

/** Starts the timer; the returned function stops it. Runs once right away. */
export function startSupervisionChecks(ctx: AppContext, onError: (err: unknown) => void, everyMs = SUPERVISION_CHECK_EVERY_MS): () => void {
  const onHallError = (hallId: string, err: unknown) => onError(Object.assign(new Error(`supervision lights of hall ${hallId}: ${String(err)}`), { cause: err }));
  const run = () => { checkSupervisionLights(ctx, onHallError).catch(onError); };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
