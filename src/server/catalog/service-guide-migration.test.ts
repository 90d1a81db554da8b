// The service-guide migration turns materials stored in the first shape into the guide's shape
// without asking the applicant for anything the hall did not ask for before.
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { listMigrations } from '../../db/migrate.js';

const GUIDE = '20261126200000_service_guide.sql';

describe('migration 20261126200000_service_guide', () => {
  it('converts old materials (copies + original flag) into originals and copies, and gives services the guide defaults', async () => {
    const db = await PGlite.create();
    try {
      const migrations = await listMigrations();
      for (const m of migrations.filter((x) => x.name < GUIDE)) await db.exec(m.sql);
      await db.exec(`
        insert into halls (id, name, timezone) values ('00000000-0000-4000-8000-000000000001', '旧大厅', 'Asia/Shanghai');
        insert into services (hall_id, code, name, ticket_prefix, kind, promised_days, materials, created_at) values
          ('00000000-0000-4000-8000-000000000001', 'OLD-1', '旧事项', 'A', 'promised', 5, '[
            {"id": "m-1", "name": "居民身份证", "copies": 1, "original": true, "required": true, "note": null},
            {"id": "m-2", "name": "完税凭证", "copies": 2, "original": false, "required": true, "note": "  "},
            {"id": "m-3", "name": "授权委托书", "copies": 1, "original": true, "required": false, "note": "委托办理的"}
          ]', '2026-01-05T02:00:00Z'),
          ('00000000-0000-4000-8000-000000000001', 'OLD-2', '无材料', 'B', 'immediate', null, '[]', '2026-01-05T02:00:00Z');`);
      await db.exec(migrations.find((x) => x.name === GUIDE)!.sql);
      const { rows } = await db.query<Record<string, unknown>>(`select code, materials, item_type, process_steps, fees, location, updated_at = created_at as same_time
        from services order by code`);
      const base = { form: 'paper', condition: null, source: 'applicant', sourceNote: null, blankFormUrl: null, sampleUrl: null };
      expect(rows[0]).toMatchObject({ code: 'OLD-1', item_type: 'public_service', process_steps: [], fees: [], location: null, same_time: true });
      expect(rows[0]!.materials).toEqual([
        { ...base, id: 'm-1', name: '居民身份证', originals: 1, copies: 0, required: true, note: null },
        { ...base, id: 'm-2', name: '完税凭证', originals: 0, copies: 2, required: true, note: null },
        { ...base, id: 'm-3', name: '授权委托书', originals: 1, copies: 0, required: false, note: '委托办理的' },
      ]);
      expect(rows[1]!.materials).toEqual([]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
