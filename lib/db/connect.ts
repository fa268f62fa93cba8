import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { createPriorityLane, onLane } from './priority-lane';
import * as schema from './schema';
import { log } from '@/lib/log';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/**
 * `db` serves requests; `backgroundDb` serves work done after a response or by a worker (Fenerum
 * attempts, mail, maintenance). On Postgres it has a pool of its own, so background work never
 * holds a connection a request is waiting for; on PGlite (one connection) requests go first.
 */
export type Database = { db: Db; backgroundDb: Db; kind: 'pglite' | 'postgres'; close: () => Promise<void> };
/** Connections a process keeps for requests, and for background work beside them. */
const POOL_SIZE = 10;
const BACKGROUND_POOL_SIZE = 4;

const migrationsFolder = path.join(process.cwd(), 'lib/db/migrations');
/** Any fixed number: several instances starting at once take turns at migrating. */
const MIGRATION_LOCK = 727_274_001;

/**
 * Opens the database and applies the committed migrations. A real Postgres when `url` is
 * given, else PGlite embedded in this process (`dir` on disk, or `memory://`).
 */
export async function openDatabase(opts: { url?: string; pgliteDir: string; pgliteTemplate?: string }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  return openPglite(opts.pgliteDir, opts.pgliteTemplate);
}

async function openPostgres(url: string): Promise<Database> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString: url, max: POOL_SIZE });
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  const background = new Pool({ connectionString: url, max: BACKGROUND_POOL_SIZE });
  // An idle connection the server ends (a restart, a failover, an administrator) is reported on
  // its pool, and an EventEmitter 'error' nobody listens for ends the process. The pool drops that
  // connection and opens another on the next query: say so and go on.
  for (const [name, p] of [
    ['request', pool],
    ['background', background],
  ] as const) {
    p.on('error', (err) => log.warn({ pool: name, err: err.message }, 'postgres: an idle connection of a pool ended'));
  }
  return {
    db: drizzle(pool, { schema }),
    backgroundDb: drizzle(background, { schema }),
    kind: 'postgres',
    close: async () => void (await Promise.all([pool.end(), background.end()])),
  };
}

/**
 * PGlite, on a thread of its own (pglite-thread.ts): its CPU never holds the event loop that
 * reads and answers requests. An in-memory one may start from `template` (a dump of a migrated
 * database, see dumpMigratedPglite): loading it skips initdb, which is most of a start.
 */
async function openPglite(dir: string, template?: string): Promise<Database> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const { startPgliteThread } = await import('./pglite-thread');
  const inMemory = dir.startsWith('memory://');
  const dataDir = inMemory ? dir : path.resolve(dir);
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const thread = await startPgliteThread({ dataDir, template: inMemory ? template : undefined });
  // drizzle's PGlite driver calls `query` and `transaction` only, which the thread answers as PGlite does.
  const client = thread as unknown as PGlite;
  await migrate(drizzle({ client, schema }), { migrationsFolder });
  const lane = createPriorityLane();
  return {
    db: drizzle({ client: onLane(client, lane.foreground), schema }),
    backgroundDb: drizzle({ client: onLane(client, lane.background), schema }),
    kind: 'pglite',
    close: () => thread.close(),
  };
}

/** A migrated in-memory PGlite, dumped: what openPglite's `template` loads. */
export async function dumpMigratedPglite(): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create('memory://');
  try {
    await migrate(drizzle(client, { schema }), { migrationsFolder });
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}
