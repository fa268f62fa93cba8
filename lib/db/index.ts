import 'server-only';
import { env } from '@/lib/env';
import { processSingleton } from '@/lib/process-singleton';
import { openDatabase, type Database, type Db } from './connect';

export type { Db } from './connect';

// One connection per process (not per Next bundle), kept across hot reloads in development.
const holder = processSingleton('db', () => ({ opening: undefined as Promise<Database> | undefined }));

/** The app's database, migrated on first use (instrumentation.ts opens it at start). */
export async function getDb(): Promise<Db> {
  holder.opening ??= openDatabase({ url: env().databaseUrl, pgliteDir: env().pgliteDir }).catch((err: unknown) => {
    holder.opening = undefined;
    throw err;
  });
  return (await holder.opening).db;
}
