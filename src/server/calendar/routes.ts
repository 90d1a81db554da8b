// The hall's working-day calendar: public holidays and make-up workdays (调休上班) per year,
// and the working-day arithmetic every deadline uses.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { isLocalDate, weekdayOf, yearOf } from '../../core/calendar/local-date.js';
import { addWorkingDays, buildHallCalendar } from '../../core/calendar/working-days.js';
import type { Queryable } from '../../db/client.js';
import { hallCalendars } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { authorize } from '../access/authorize.js';
import { AppError, type FieldError } from '../http/errors.js';
import { fieldMessage, fieldProblem } from '../http/field-messages.js';
import { defineRoute, idParam, type RouteHost } from '../http/route.js';
import { runCommand } from '../run-command.js';
import { findHall } from '../halls/repo.js';
import { writableHall } from '../halls/writable-hall.js';

const yearParam = z.coerce.number().int().min(2000).max(2100);
const dateList = z.array(z.string().max(10)).max(366);
const calendarBody = z.object({ holidays: dateList, workdays: dateList }).strict();
const calendarSchema = z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()), source: z.string().nullable() });

export async function loadHallCalendar(db: Queryable, hallId: string, years: number[]) {
  const rows = await db.select().from(hallCalendars)
    .where(and(eq(hallCalendars.hallId, hallId), inArray(hallCalendars.year, years)));
  return { calendar: buildHallCalendar(rows), knownYears: new Set(rows.map((r) => r.year)) };
}

function validateYear(year: number, body: z.output<typeof calendarBody>): FieldError[] {
  const problems: FieldError[] = [];
  const check = (field: 'holidays' | 'workdays') => body[field].forEach((d, i) => {
    if (!isLocalDate(d)) problems.push(fieldProblem(`${field}.${i}`, { zh: '不是有效日期（应为 YYYY-MM-DD）', en: 'not a date (YYYY-MM-DD)' }));
    else if (yearOf(d) !== year) problems.push(fieldProblem(`${field}.${i}`, { zh: `不在 ${year} 年内`, en: `not in ${year}` }));
  });
  check('holidays');
  check('workdays');
  body.workdays.forEach((d, i) => {
    if (isLocalDate(d) && weekdayOf(d) < 6) {
      problems.push(fieldProblem(`workdays.${i}`, { zh: '调休上班日应在周六或周日', en: 'a make-up workday falls on a Saturday or Sunday' }));
    }
    if (body.holidays.includes(d)) problems.push(fieldProblem(`workdays.${i}`, { zh: '该日期同时列为节假日', en: 'also listed as a holiday' }));
  });
  return problems;
}

export function registerCalendarRoutes(host: RouteHost, ctx: AppContext): void {
  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/calendar', tags: ['calendar'], auth: 'actor',
    summary: 'Every year of the hall calendar', params: z.object({ hallId: idParam }),
    response: z.object({ years: z.array(calendarSchema) }),
    handler: async ({ actor, params }) => {
      authorize(actor, 'calendar.read', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      const rows = await ctx.db.select().from(hallCalendars).where(eq(hallCalendars.hallId, params.hallId)).orderBy(asc(hallCalendars.year));
      return { years: rows.map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays, source: r.source })) };
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/calendar/working-days', tags: ['calendar'], auth: 'actor',
    summary: 'The n-th working day after `from` (the starting day never counts)',
    params: z.object({ hallId: idParam }),
    query: z.object({ from: z.string().refine(isLocalDate, fieldMessage({ zh: '应为 YYYY-MM-DD 格式的日期', en: 'a date YYYY-MM-DD' })), add: z.coerce.number().int().min(0).max(3660) }),
    response: z.object({ from: z.string(), add: z.number(), date: z.string(), missingYears: z.array(z.number()) }),
    handler: async ({ actor, params, query }) => {
      authorize(actor, 'calendar.read', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      // Load generously: n working days span at most ~1.6 n calendar days plus holidays.
      const firstYear = yearOf(query.from);
      const span = Math.ceil((query.add * 2 + 40) / 365);
      const years = Array.from({ length: span + 1 }, (_, i) => firstYear + i);
      const { calendar, knownYears } = await loadHallCalendar(ctx.db, params.hallId, years);
      const date = addWorkingDays(calendar, query.from, query.add);
      const missingYears = years.filter((y) => y <= yearOf(date) && !knownYears.has(y));
      return { from: query.from, add: query.add, date, missingYears };
    },
  });

  defineRoute(host, {
    method: 'GET', url: '/api/v1/halls/:hallId/calendar/:year', tags: ['calendar'], auth: 'actor',
    summary: "One year's holidays and make-up workdays",
    params: z.object({ hallId: idParam, year: yearParam }), response: calendarSchema,
    handler: async ({ actor, params }) => {
      authorize(actor, 'calendar.read', params.hallId);
      if (!(await findHall(ctx.db, params.hallId))) throw new AppError('not_found');
      const [row] = await ctx.db.select().from(hallCalendars)
        .where(and(eq(hallCalendars.hallId, params.hallId), eq(hallCalendars.year, params.year)));
      return { year: params.year, holidays: row?.holidays ?? [], workdays: row?.workdays ?? [], source: row?.source ?? null };
    },
  });

  defineRoute(host, {
    method: 'PUT', url: '/api/v1/halls/:hallId/calendar/:year', tags: ['calendar'], auth: 'user',
    summary: "Replace one year's holidays and make-up workdays",
    params: z.object({ hallId: idParam, year: yearParam }), body: calendarBody, response: calendarSchema,
    handler: async ({ actor, params, body }) => {
      authorize(actor, 'calendar.manage', params.hallId);
      const problems = validateYear(params.year, body);
      if (problems.length) throw new AppError('validation_failed', problems);
      const holidays = [...new Set(body.holidays)].sort();
      const workdays = [...new Set(body.workdays)].sort();
      return runCommand(ctx, actor, async (tx, fx) => {
        await writableHall(tx, params.hallId);
        const [before] = await tx.select().from(hallCalendars)
          .where(and(eq(hallCalendars.hallId, params.hallId), eq(hallCalendars.year, params.year))).for('update');
        const source = before && sameDates(before.holidays, holidays) && sameDates(before.workdays, workdays) ? before.source : '本大厅调整';
        await tx.insert(hallCalendars).values({ hallId: params.hallId, year: params.year, holidays, workdays, source, updatedAt: fx.now })
          .onConflictDoUpdate({ target: [hallCalendars.hallId, hallCalendars.year], set: { holidays, workdays, source, updatedAt: fx.now } });
        fx.audit({
          action: 'calendar.updated', hallId: params.hallId, targetType: 'calendar', targetId: String(params.year),
          before: before ? { holidays: before.holidays, workdays: before.workdays } : null, after: { holidays, workdays },
        });
        fx.emit(params.hallId, 'calendar.updated', { year: params.year });
        return { year: params.year, holidays, workdays, source };
      });
    },
  });
}

function sameDates(a: string[], b: string[]) {
  return a.length === b.length && [...a].sort().every((d, i) => d === b[i]);
}
