// The one-window-per-person migration must apply on a database where the old rule let someone
// sign in to two windows: it keeps each person's latest sign-in and ends the earlier one.
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { listMigrations } from '../../db/migrate.js';

const ONE_PER_PERSON = '20261127090000_one_window_per_person.sql';
const HALL = '00000000-0000-4000-8000-000000000001';
const [W1, W2, W3] = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3'];
const [DOUBLE, SINGLE] = ['00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000b2'];

describe(`migration ${ONE_PER_PERSON}`, () => {
  it('R-25: ends all but the latest open sign-in of a person signed in to two windows, and then refuses a second one', async () => {
    const db = await PGlite.create();
    try {
      const migrations = await listMigrations();
      for (const m of migrations.filter((x) => x.name < ONE_PER_PERSON)) await db.exec(m.sql);
      await db.exec(`
        insert into halls (id, name, timezone) values ('${HALL}', '旧大厅', 'Asia/Shanghai');
        insert into windows (id, hall_id, number, name, status) values
          ('${W1}', '${HALL}', 1, '一号', 'open'), ('${W2}', '${HALL}', 2, '二号', 'open'), ('${W3}', '${HALL}', 3, '三号', 'open');
        insert into users (id, username, password_hash, name, role, hall_id) values
          ('${DOUBLE}', 'double', 'x', '张三', 'staff', '${HALL}'), ('${SINGLE}', 'single', 'x', '李四', 'staff', '${HALL}');
        insert into window_sessions (hall_id, window_id, user_id, opened_at, checklist) values
          ('${HALL}', '${W1}', '${DOUBLE}', '2026-11-26T00:40:00Z', '{}'),
          ('${HALL}', '${W2}', '${DOUBLE}', '2026-11-26T01:10:00Z', '{}'),
          ('${HALL}', '${W3}', '${SINGLE}', '2026-11-26T00:45:00Z', '{}');`);
      await db.exec(migrations.find((x) => x.name === ONE_PER_PERSON)!.sql);

      const { rows } = await db.query<{ window_id: string; open: boolean }>(
        'select window_id, closed_at is null as open from window_sessions order by window_id');
      expect(rows).toEqual([{ window_id: W1, open: false }, { window_id: W2, open: true }, { window_id: W3, open: true }]);
      // The windows keep their status: the migration writes no service log, so it moves nothing else.
      const { rows: statuses } = await db.query<{ status: string }>('select status from windows order by id');
      expect(statuses.map((s) => s.status)).toEqual(['open', 'open', 'open']);
      await expect(db.exec(`insert into window_sessions (hall_id, window_id, user_id, opened_at, checklist)
        values ('${HALL}', '${W1}', '${SINGLE}', now(), '{}')`)).rejects.toThrow(/window_sessions_one_per_person/);
    } finally {
      await db.close();
    }
  }, 60_000);
});
