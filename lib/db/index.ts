import 'server-only';
import { env } from '@/lib/env';
import { openDatabase, type Database, type Db } from './connect';

export type { Db } from './connect';

// One connection per process, kept across Next's hot reloads in development.
const holder = globalThis as typeof globalThis & { __cardPortalDb?: Promise<Database> };

/** The app's database, migrated on first use (instrumentation.ts opens it at start). */
export async function getDb(): Promise<Db> {
  holder.__cardPortalDb ??= openDatabase({ url: env().databaseUrl, pgliteDir: env().pgliteDir }).catch((err) => {
    holder.__cardPortalDb = undefined;
    throw err;
  });
  return (await holder.__cardPortalDb).db;
}
