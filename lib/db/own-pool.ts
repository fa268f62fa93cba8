import type { Db } from './connect';
import * as schema from './schema';
import { log } from '@/lib/log';

/**
 * A small pool of its own on the deployment's Postgres, for work that must never queue behind
 * the request and background pools' connections (the shared Fenerum budget: a slot taken late is
 * a Fenerum call sent late). Idle connections close, and never hold the process open.
 */
export async function openOwnPool(url: string, name: string, max = 2): Promise<{ db: Db; close: () => Promise<void> }> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
  pool.on('error', (err) => log.warn({ pool: name, err: err.message }, 'postgres: an idle connection of a pool ended'));
  return { db: drizzle(pool, { schema }), close: () => pool.end() };
}
