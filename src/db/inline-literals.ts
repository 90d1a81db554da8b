// Several statements in one message go by the simple query protocol, which has no parameters:
// their values are written into the text as literals instead. Only statements we build
// ourselves are inlined (see Database.writeTransaction), and their values are strings,
// numbers, booleans and nulls, quoted by pg's escapeLiteral; anything else is refused.
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';

const dialect = new PgDialect();

export function inlineLiterals(statement: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  throw new TypeError(`inlineLiterals: cannot write a value of type ${typeof value} as a literal`);
}
