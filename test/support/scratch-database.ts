import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/lib/db/connect';

/** Env for a process (e.g. `npm run audit:verify`) that should open the scratch database. */
export type ScratchEnv = { DATABASE_URL?: string; PGLITE_DIR?: string };

/**
 * A database of its own for a test that must commit something it cannot undo in the shared one
 * (a broken audit chain): a PGlite directory in the temp folder, or a fresh database beside
 * `baseUrl` on Postgres. Removed afterwards. Test support only.
 */
export async function withScratchDatabase<T>(baseUrl: string | undefined, fn: (database: Database, env: ScratchEnv) => Promise<T>): Promise<T> {
  if (!baseUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-scratch-'));
    try {
      return await run(await openDatabase({ pgliteDir: dir }), { PGLITE_DIR: dir }, fn);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const name = `scratch_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = await openDatabase({ url: baseUrl, pgliteDir: '' });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    return await run(await openDatabase({ url: url.toString(), pgliteDir: '' }), { DATABASE_URL: url.toString() }, fn);
  } finally {
    await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.close();
  }
}

/**
 * The same for a test that needs no other process to open it: on PGlite an in-memory database
 * loaded from the run's migrated template (no initdb), on Postgres as above.
 */
export async function withOwnDatabase<T>(baseUrl: string | undefined, fn: (database: Database) => Promise<T>): Promise<T> {
  if (baseUrl) return withScratchDatabase(baseUrl, (database) => fn(database));
  return run(await openDatabase({ pgliteDir: 'memory://', pgliteTemplate: process.env.PGLITE_TEMPLATE }), {}, (database) => fn(database));
}

async function run<T>(database: Database, env: ScratchEnv, fn: (database: Database, env: ScratchEnv) => Promise<T>): Promise<T> {
  let closed = false;
  const close = async () => {
    if (!closed) await database.close();
    closed = true;
  };
  try {
    return await fn({ ...database, close }, env);
  } finally {
    await close();
  }
}

/**
 * On Postgres, a fresh database beside `baseUrl` for a whole test file (point DATABASE_URL at it
 * before the file's first `appContext()`); `drop` removes it. Null on PGlite, whose database is
 * the file's own already. For a file that counts something every instance on one Postgres shares,
 * such as the Fenerum budget (lib/fenerum/shared-limiter.ts), which other files spend at the same time.
 */
export async function scratchDatabaseUrl(baseUrl: string | undefined): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (!baseUrl) return null;
  const name = `scratch_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = await openDatabase({ url: baseUrl, pgliteDir: '' });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
