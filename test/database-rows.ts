// Every row the queue and case endpoints can change, as one sorted line each: two reads are equal
// exactly when nothing changed. The cross-cutting tests (bad input, authorization) both compare
// these, so a capability's new table is added here once and both tests watch it.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../src/db/client.js';

export async function changeableRows(db: Queryable): Promise<string[]> {
  const rows = await queryRows<{ r: string }>(db, sql`select r from (
      select 'ticket ' || x::text as r from tickets x
      union all select 'call ' || x::text from ticket_calls x
      union all select 'counter ' || x::text from ticket_counters x
      union all select 'window ' || x.id || ' ' || x.status from windows x
      union all select 'session ' || x::text from window_sessions x
      union all select 'pause ' || x::text from window_pauses x
      union all select 'fault ' || x::text from faults x
      union all select 'alert ' || x::text from alerts x
      union all select 'case ' || x::text from cases x
      union all select 'notice ' || x::text from case_notices x
      union all select 'extension ' || x::text from case_extensions x
      union all select 'year counter ' || x::text from hall_year_counters x
      union all select 'events ' || count(*)::text from events
    ) rows order by r`);
  return rows.map((x) => x.r);
}
