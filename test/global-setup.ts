// Once per test run: a migrated database template, so each test file starts from a copy in
// about a second instead of initialising Postgres and migrating again.
//   - PGlite: a dump of a migrated data dir, loaded by each file into its own in-memory PGlite.
//   - PostgreSQL (DATABASE_URL set): a migrated template database that files clone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { databaseUrlWith, openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `ck_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: databaseUrlWith(url, template), poolSize: 1 });
    await migrate(database);
    await database.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      // Clones left behind by a crashed file are dropped with the template.
      const { rows } = await admin.query(`select datname from pg_database where datname like 'ck_t_%' or datname = $1`, [template]);
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`).catch(() => {});
      await admin.end();
    };
  }
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `pglite-template-${process.pid}.tar`);
  const client = await PGlite.create();
  await migrate(await openDatabase({ pglite: client }));
  const dump = await client.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return async () => {
    const { rmSync } = await import('node:fs');
    rmSync(file, { force: true });
  };
}
