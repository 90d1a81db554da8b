// What every capability needs at run time, built once at start-up.
import type { Database, Db } from '../db/client.js';
import type { Env } from './env.js';
import type { EventHub } from './events/hub.js';

export interface AppContext {
  env: Env;
  database: Database;
  db: Db;
  hub: EventHub;
  /** The clock, injectable so tests can stand at a chosen moment. */
  now: () => Date;
}
